/** The script a page loads for `<prospect-phone-numbers>` (dist/embed/prospect-phone-numbers.js). */
import { defineProspectPhoneNumbers } from './prospect-phone-numbers-element';

defineProspectPhoneNumbers();
