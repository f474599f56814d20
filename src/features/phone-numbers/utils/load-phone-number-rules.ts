/**
 * The phone-number rules carry libphonenumber's full metadata: they load once a list the user may change
 * has been painted, not with the page, which only shows numbers.
 */
export const loadPhoneNumberRules = () => import('@contract/phone-number-rules');
