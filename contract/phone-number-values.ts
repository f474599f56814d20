/**
 * The values a phone number's attributes take, and which attributes a client writes. Apart from the rules (`phone-number-rules.ts`), which
 * carry libphonenumber's full metadata, so that a page that only lists and filters numbers does not load it.
 */
export const PHONE_TYPES = ['mobile', 'work', 'home', 'voip', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const isPhoneType = (value: string | null): value is PhoneType =>
  PHONE_TYPES.some((type) => type === value);

export const PHONE_STATUSES = ['unverified', 'verified', 'invalid', 'do_not_call'] as const;
export type PhoneStatus = (typeof PHONE_STATUSES)[number];

export const isPhoneStatus = (value: string | null): value is PhoneStatus =>
  PHONE_STATUSES.some((status) => status === value);

/** The longest text attribute a client writes, and the longest `phoneType` or `status` the app reads. */
export const MAX_STRING_LENGTH = 255;

/** The largest order a client may set: a signed 32-bit integer, so every database can store it. */
export const MAX_ORDER = 2_147_483_647;
/** An extension is 1 to this many digits. */
export const MAX_EXTENSION_DIGITS = 10;

/** The attributes a client sets (the rules' `phoneNumberWritableAttributesSchema` checks each). */
export const PHONE_NUMBER_WRITABLE_ATTRIBUTES = [
  'number',
  'rawNumber',
  'extension',
  'countryCode',
  'phoneType',
  'status',
  'order',
] as const;
