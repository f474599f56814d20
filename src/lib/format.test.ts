import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatInteger,
  formatRegion,
  formatRelativeTime,
  formatTimeInZone,
} from './format';

const now = new Date('2026-09-10T12:00:00Z');
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatRelativeTime', () => {
  it.each([
    [ago(5_000), 'now'],
    [ago(40_000), '45 seconds ago'],
    [ago(3 * minute), '3 minutes ago'],
    [ago(5 * hour), '5 hours ago'],
    [ago(day), 'yesterday'],
    [ago(3 * day), '3 days ago'],
    [ago(15 * day), '2 weeks ago'],
    [ago(95 * day), '3 months ago'],
    [ago(800 * day), '2 years ago'],
    [new Date(now.getTime() + 2 * hour), 'in 2 hours'],
  ])('says %s is %s', (date, expected) => {
    expect(formatRelativeTime(date, now)).toBe(expected);
  });
});

describe('formatRegion', () => {
  it('names the region and keeps the code', () => {
    expect(formatRegion('DE')).toBe('Germany (DE)');
    expect(formatRegion('US')).toBe('United States (US)');
  });

  it('shows a code it cannot name as it is, even an ill-formed one', () => {
    expect(formatRegion('XX')).toBe('XX');
    expect(formatRegion('not a region')).toBe('not a region');
  });
});

describe('numbers and dates', () => {
  it('groups digits and gives the exact moment with its time zone', () => {
    expect(formatInteger(12345)).toBe('12,345');
    expect(formatDateTime(new Date('2026-08-07T18:39:00Z'))).toMatch(/^Aug 7, 2026, \d{1,2}:39:00/);
  });
});

describe('formatTimeInZone', () => {
  it('says the time in the zone, with the day and the zone', () => {
    expect(formatTimeInZone(now, 'Europe/Paris')).toBe('Thu, 2:00 PM GMT+2');
    expect(formatTimeInZone(now, 'America/New_York')).toBe('Thu, 8:00 AM EDT');
    expect(formatTimeInZone(now, 'Pacific/Kiritimati')).toBe('Fri, 2:00 AM GMT+14');
  });

  it('gives nothing for a zone the browser does not know', () => {
    expect(formatTimeInZone(now, 'Mars/Olympus_Mons')).toBeUndefined();
  });
});
