/**
 * The values a phone number's type and status take. Apart from the rules (`phone-number-rules.ts`), which
 * carry libphonenumber's full metadata, so that a page that only lists and filters numbers does not load it.
 */
export const PHONE_TYPES = ['mobile', 'work', 'home', 'voip', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const PHONE_STATUSES = ['unverified', 'verified', 'invalid', 'do_not_call'] as const;
export type PhoneStatus = (typeof PHONE_STATUSES)[number];
