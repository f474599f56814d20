import { formatInternational } from '@contract/phone-number-format';
import { formatInteger, formatRegion } from '@/lib/format';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';
import type { AuditEvent } from '../schemas/audit-event';

type Snapshot = Readonly<Record<string, unknown>>;

interface Attribute {
  name: string;
  label: string;
  show: (value: string) => string;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const ORDER: Attribute = {
  name: 'order',
  label: 'Order',
  show: (value) => formatInteger(Number(value)),
};

/** The attributes a change of a number names, in the grid's words and order; not the server's times. */
const PHONE_NUMBER_ATTRIBUTES: readonly Attribute[] = [
  { name: 'number', label: 'Number', show: (value) => formatInternational(value) },
  { name: 'phoneType', label: 'Type', show: phoneTypeLabel },
  { name: 'extension', label: 'Extension', show: (value) => value },
  { name: 'countryCode', label: 'Country', show: formatRegion },
  { name: 'status', label: 'Status', show: phoneStatusLabel },
  ORDER,
];

function shown(attribute: Attribute, snapshot: Snapshot): string {
  const value = text(snapshot[attribute.name]);
  return value === null ? 'none' : attribute.show(value);
}

/** "Status: Verified → Invalid" for each attribute that differs. */
function differences(attributes: readonly Attribute[], before: Snapshot, after: Snapshot) {
  return attributes
    .filter((attribute) => text(before[attribute.name]) !== text(after[attribute.name]))
    .map(
      (attribute) => `${attribute.label}: ${shown(attribute, before)} → ${shown(attribute, after)}`,
    );
}

/** "+1 303 555 0141 ext. 12 (Mobile)": the number as a list of the prospect's numbers names it. */
function numberOf(snapshot: Snapshot, withType = true): string {
  const number = text(snapshot.number);
  const formatted =
    number === null ? 'a number' : formatInternational(number, text(snapshot.extension));
  const type = text(snapshot.phoneType);
  return withType && type !== null ? `${formatted} (${phoneTypeLabel(type)})` : formatted;
}

function describePhoneNumberEvent(
  action: string,
  before: Snapshot | null,
  after: Snapshot | null,
): string | undefined {
  if (action === 'created' && after) return `Added ${numberOf(after)}`;
  if (action === 'deleted' && before) return `Deleted ${numberOf(before)}`;
  if (!before || !after) return undefined;
  if (action === 'reordered') {
    return `Moved ${numberOf(after, false)} from order ${shown(ORDER, before)} to ${shown(ORDER, after)}`;
  }
  const changes = differences(PHONE_NUMBER_ATTRIBUTES, before, after);
  if (changes.length === 0) return `Changed ${numberOf(after, false)}`;
  const renumbered = text(before.number) !== text(after.number);
  return `Changed ${changes.join(', ')}${renumbered ? '' : ` (${numberOf(after, false)})`}`;
}

const ACTION_LABELS: Readonly<Record<string, string>> = {
  created: 'Created',
  updated: 'Changed',
  deleted: 'Deleted',
  reordered: 'Moved',
  roleChanged: 'Changed the role',
  deactivated: 'Deactivated',
  reactivated: 'Reactivated',
  ownerChanged: 'Changed the owner',
};

/** Attributes of another resource, named as they are: what other parts of the server record. */
function otherAttributes(before: Snapshot, after: Snapshot): Attribute[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => !name.endsWith('At'))
    .map((name) => ({ name, label: name, show: (value) => value }));
}

/**
 * What a change did, in a sentence: "Added +1 303 555 0141 (Mobile)", "Changed Status: Verified →
 * Invalid (+1 303 555 0141)", "Moved +1 303 555 0141 from order 0 to 2". A change of another resource
 * (a prospect's owner, recorded by its own routes) is named by its action and what differs.
 */
export function describeAuditEvent({ action, resourceType, before, after }: AuditEvent): string {
  if (resourceType === 'phoneNumber') {
    const described = describePhoneNumberEvent(action, before, after);
    if (described !== undefined) return described;
  }
  const label =
    (Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action] : undefined) ?? action;
  const changes = before && after ? differences(otherAttributes(before, after), before, after) : [];
  return changes.length === 0 ? label : `${label}: ${changes.join(', ')}`;
}
