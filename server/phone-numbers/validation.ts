import type { Updateable } from 'kysely';
import { PHONE_NUMBER_WRITABLE_ATTRIBUTES } from '../../contract/phone-number-values';
import {
  PHONE_NUMBER_READ_ONLY_ATTRIBUTES,
  countryConflict,
  parsePhoneNumberInput,
  phoneNumberWritableAttributesSchema,
  type PhoneNumberWritableAttributes,
} from '../../contract/phone-number-rules';
import type { PhoneNumberRow, PhoneNumbersTable } from '../db/schema';
import { pointerSegment } from '../http/request-document';
import { validationFailed, type FieldError } from '../http/errors';

const pointer = (attribute: string) => `/data/attributes/${pointerSegment(attribute)}`;

/** The writable attributes of a request, checked against the shared rules; every problem at once. */
export function readAttributes(raw: Record<string, unknown>): {
  attributes: PhoneNumberWritableAttributes;
  problems: FieldError[];
} {
  const problems: FieldError[] = [];
  const known: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if ((PHONE_NUMBER_READ_ONLY_ATTRIBUTES as readonly string[]).includes(name)) {
      problems.push({ pointer: pointer(name), detail: `${name} is set by the server.` });
    } else if ((PHONE_NUMBER_WRITABLE_ATTRIBUTES as readonly string[]).includes(name)) {
      known[name] = value;
    } else {
      problems.push({
        pointer: pointer(name),
        detail: `A phone number has no attribute "${name.slice(0, 80)}".`,
      });
    }
  }
  const parsed = phoneNumberWritableAttributesSchema.safeParse(known);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ pointer: pointer(String(issue.path[0] ?? '')), detail: issue.message });
    }
    return { attributes: {}, problems };
  }
  return { attributes: parsed.data, problems };
}

/**
 * A country sent must be one the number can belong to: refused rather than replaced by the number's own,
 * so that what a client sent is saved as sent or not at all (docs/decisions/0038-country-and-number.md).
 */
function checkCountry(
  e164: string,
  countryCode: string | null | undefined,
  problems: FieldError[],
): void {
  if (countryCode === undefined || countryCode === null) return;
  const conflict = countryConflict(e164, countryCode);
  if (conflict !== undefined)
    problems.push({ pointer: pointer('countryCode'), detail: `${conflict}.` });
}

type NumberFields = Pick<PhoneNumberRow, 'number' | 'raw_number' | 'extension' | 'country_code'>;

/**
 * Turns what the client sent into stored number fields. The number is parsed in the country sent (else
 * the stored one, else US) and kept in E.164; a country sent that the number contradicts is refused; what was typed becomes rawNumber unless rawNumber is sent;
 * an extension typed after the number ("x12") fills extension unless extension says otherwise.
 */
function resolveNumber(
  attributes: PhoneNumberWritableAttributes,
  existing: NumberFields | undefined,
  problems: FieldError[],
): Partial<NumberFields> {
  const resolved: Partial<NumberFields> = {};
  if (attributes.countryCode !== undefined) resolved.country_code = attributes.countryCode;
  if (attributes.rawNumber !== undefined) resolved.raw_number = attributes.rawNumber;
  if (attributes.extension !== undefined) resolved.extension = attributes.extension;

  if (attributes.number === undefined) {
    if (!existing) problems.push({ pointer: pointer('number'), detail: 'Enter a phone number.' });
    else checkCountry(existing.number, attributes.countryCode, problems);
    return resolved;
  }
  const region =
    attributes.countryCode !== undefined ? attributes.countryCode : existing?.country_code;
  const parsed = parsePhoneNumberInput(attributes.number, region);
  if (!parsed.ok) {
    problems.push({ pointer: pointer('number'), detail: `${parsed.message}.` });
    return resolved;
  }
  resolved.number = parsed.e164;
  checkCountry(parsed.e164, attributes.countryCode, problems);
  if (attributes.rawNumber === undefined) resolved.raw_number = attributes.number;
  if (attributes.countryCode === undefined)
    resolved.country_code = parsed.country ?? existing?.country_code ?? null;
  if (parsed.extension !== undefined) {
    if (typeof attributes.extension === 'string' && attributes.extension !== parsed.extension) {
      problems.push({
        pointer: pointer('extension'),
        detail: `The number ends in extension ${parsed.extension}, which differs from extension ${attributes.extension}.`,
      });
    } else {
      resolved.extension = parsed.extension;
    }
  }
  return resolved;
}

export type PhoneNumberValues = NumberFields &
  Pick<PhoneNumberRow, 'phone_type' | 'status'> & { sort_order: number | undefined };

/** The stored values of a new phone number; the order, when not sent, is chosen by the caller. */
export function planCreate(
  raw: Record<string, unknown>,
  problems: FieldError[],
): PhoneNumberValues {
  const { attributes, problems: attributeProblems } = readAttributes(raw);
  problems.push(...attributeProblems);
  const number = resolveNumber(attributes, undefined, problems);
  if (problems.length > 0) throw validationFailed(problems);
  return {
    number: number.number ?? '',
    raw_number: number.raw_number ?? null,
    extension: number.extension ?? null,
    country_code: number.country_code ?? null,
    phone_type: attributes.phoneType ?? 'other',
    status: attributes.status ?? 'unverified',
    sort_order: attributes.order,
  };
}

/**
 * The columns a PATCH actually changes. Sent attributes equal to what is stored are not changes, so
 * updatedAt moves only when something did; statusChangedAt only when status did.
 */
export function planUpdate(
  raw: Record<string, unknown>,
  existing: PhoneNumberRow,
  nowIso: string,
  problems: FieldError[],
): Updateable<PhoneNumbersTable> {
  const { attributes, problems: attributeProblems } = readAttributes(raw);
  problems.push(...attributeProblems);
  const wanted: Updateable<PhoneNumbersTable> = {
    ...resolveNumber(attributes, existing, problems),
    ...(attributes.phoneType !== undefined ? { phone_type: attributes.phoneType } : {}),
    ...(attributes.status !== undefined ? { status: attributes.status } : {}),
    ...(attributes.order !== undefined ? { sort_order: attributes.order } : {}),
  };
  if (problems.length > 0) throw validationFailed(problems);
  const changes = Object.fromEntries(
    Object.entries(wanted).filter(([column, value]) => Reflect.get(existing, column) !== value),
  ) as Updateable<PhoneNumbersTable>;
  if (Object.keys(changes).length === 0) return {};
  return {
    ...changes,
    updated_at: nowIso,
    ...(changes.status !== undefined ? { status_changed_at: nowIso } : {}),
  };
}
