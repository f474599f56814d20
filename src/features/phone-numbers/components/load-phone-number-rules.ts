/**
 * The phone-number rules carry libphonenumber's full metadata: they load with the first edit, not with
 * the page, which only shows numbers.
 */
export const loadPhoneNumberRules = () => import('@/lib/phone-number-rules');
