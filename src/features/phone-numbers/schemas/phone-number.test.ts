import { describe, expect, it } from 'vitest';
import { phoneNumberCollectionSchema, phoneNumberDocumentSchema } from './phone-number';

const outreachResource = {
  type: 'phoneNumber',
  id: '42',
  attributes: {
    countryCode: 'GB',
    createdAt: '2026-08-02T09:37:00.000Z',
    extension: '12',
    number: '+442079460958',
    order: 3,
    phoneType: 'fax',
    rawNumber: '020 7946 0958',
    status: 'bad_number',
    statusChangedAt: null,
    updatedAt: '2026-08-07T18:39:00.000Z',
  },
  relationships: { prospect: { data: { type: 'prospect', id: '7' } } },
};

describe('phoneNumberDocumentSchema', () => {
  it('flattens a resource, with string ids and values the app does not know', () => {
    expect(phoneNumberDocumentSchema.parse({ data: outreachResource })).toEqual({
      id: 42,
      number: '+442079460958',
      rawNumber: '020 7946 0958',
      extension: '12',
      countryCode: 'GB',
      phoneType: 'fax',
      status: 'bad_number',
      order: 3,
      statusChangedAt: null,
      createdAt: '2026-08-02T09:37:00.000Z',
      updatedAt: '2026-08-07T18:39:00.000Z',
      prospectId: 7,
      canWrite: true,
      canDelete: true,
      // Outreach gives no reasons, nor a version: writes then go without If-Match.
      writeRefusal: null,
      deleteRefusal: null,
      etag: null,
    });
  });

  it('reads the reasons beside refused flags', () => {
    const parsed = phoneNumberDocumentSchema.parse({
      data: {
        ...outreachResource,
        meta: {
          canWrite: false,
          canDelete: false,
          writeRefusal: 'Sam Rep owns this prospect',
          deleteRefusal: "Viewers can't delete phone numbers",
        },
      },
    });
    expect(parsed).toMatchObject({
      writeRefusal: 'Sam Rep owns this prospect',
      deleteRefusal: "Viewers can't delete phone numbers",
    });
  });

  it('reads meta.etag, the version to send back in If-Match', () => {
    const parsed = phoneNumberDocumentSchema.parse({
      data: { ...outreachResource, meta: { canWrite: false, etag: 'W/"7"' } },
    });
    expect(parsed).toMatchObject({ canWrite: false, etag: 'W/"7"' });
  });

  it('reads the authorization meta, and a sparse fieldset as nulls', () => {
    const parsed = phoneNumberDocumentSchema.parse({
      data: {
        type: 'phoneNumber',
        id: 5,
        attributes: { number: '+14155550100' },
        meta: { canWrite: false, canDelete: false },
      },
    });
    expect(parsed).toMatchObject({ id: 5, status: null, order: null, prospectId: null });
    expect(parsed).toMatchObject({ canWrite: false, canDelete: false });
  });

  it.each([
    ['a known value', 'mobile', 'verified', 'mobile', 'verified'],
    ['values the app does not know', 'fax', 'pending', 'fax', 'pending'],
    [
      'the longest value an API string holds',
      'f'.repeat(255),
      'p'.repeat(255),
      'f'.repeat(255),
      'p'.repeat(255),
    ],
    ['empty strings', '', '', null, null],
    ['values longer than any API string', 'f'.repeat(256), 'p'.repeat(256), null, null],
    ['values that are not strings', 7, false, null, null],
  ])('reads %s of phoneType and status', (_, phoneType, status, readType, readStatus) => {
    const parsed = phoneNumberDocumentSchema.parse({
      data: {
        ...outreachResource,
        attributes: { ...outreachResource.attributes, phoneType, status },
      },
    });
    expect(parsed).toMatchObject({ phoneType: readType, status: readStatus });
  });

  it('refuses what is not a phone number resource', () => {
    expect(
      phoneNumberDocumentSchema.safeParse({ data: { ...outreachResource, type: 'prospect' } })
        .success,
    ).toBe(false);
    expect(
      phoneNumberDocumentSchema.safeParse({ data: { ...outreachResource, id: 'abc' } }).success,
    ).toBe(false);
    expect(
      phoneNumberDocumentSchema.safeParse({
        data: { ...outreachResource, attributes: { order: '1' } },
      }).success,
    ).toBe(false);
  });
});

describe('phoneNumberCollectionSchema', () => {
  it("gives the rows with their prospect's name, the count and the cursors of the links", () => {
    const page = phoneNumberCollectionSchema.parse({
      data: [
        outreachResource,
        {
          ...outreachResource,
          id: 43,
          relationships: { prospect: { data: { type: 'prospect', id: 8 } } },
        },
      ],
      included: [
        { type: 'prospect', id: 7, attributes: { name: 'Olivia García' } },
        { type: 'user', id: 8, attributes: { name: 'Not a prospect' } },
      ],
      links: {
        first: 'https://api.example/api/v2/phoneNumbers?page[size]=2',
        next: 'https://api.example/api/v2/phoneNumbers?page[size]=2&page[after]=eyJrIjpbN119',
        prev: 'https://api.example/api/v2/phoneNumbers?page%5Bsize%5D=2&page%5Bbefore%5D=b%2B%2F1',
      },
      meta: { count: 145 },
    });
    expect(page.phoneNumbers.map((row) => [row.id, row.prospectName])).toEqual([
      [42, 'Olivia García'],
      [43, null],
    ]);
    expect(page).toMatchObject({ count: 145, nextCursor: 'eyJrIjpbN119', prevCursor: 'b+/1' });
  });

  it("marks the rows of a prospect whose calls are opted out, and no other prospect's", () => {
    const page = phoneNumberCollectionSchema.parse({
      data: [
        outreachResource,
        {
          ...outreachResource,
          id: 43,
          relationships: { prospect: { data: { type: 'prospect', id: 8 } } },
        },
        {
          ...outreachResource,
          id: 44,
          relationships: { prospect: { data: { type: 'prospect', id: 9 } } },
        },
        {
          ...outreachResource,
          id: 45,
          relationships: { prospect: { data: { type: 'prospect', id: 10 } } },
        },
      ],
      included: [
        {
          type: 'prospect',
          id: 7,
          attributes: { name: 'Olivia García', callsOptStatus: 'opted_out' },
        },
        { type: 'prospect', id: 8, attributes: { callsOptStatus: 'opted_in' } },
        { type: 'prospect', id: 9, attributes: { callsOptStatus: null } },
        // Another API's odd value is no opt-out, and does not fail the page.
        { type: 'prospect', id: 10, attributes: { callsOptStatus: 3 } },
        { type: 'user', id: 8, attributes: { callsOptStatus: 'opted_out' } },
      ],
    });
    expect(page.phoneNumbers.map((row) => [row.id, row.prospectCallsOptedOut])).toEqual([
      [42, true],
      [43, false],
      [44, false],
      [45, false],
    ]);
  });

  it('keeps every row when one holds values the app does not know, or none at all', () => {
    const page = phoneNumberCollectionSchema.parse({
      data: [
        {
          ...outreachResource,
          id: 1,
          attributes: { ...outreachResource.attributes, status: 'pending' },
        },
        { ...outreachResource, id: 2, attributes: { ...outreachResource.attributes, status: '' } },
        {
          ...outreachResource,
          id: 3,
          attributes: { ...outreachResource.attributes, phoneType: 'mobile' },
        },
      ],
    });
    expect(page.phoneNumbers.map(({ id, phoneType, status }) => [id, phoneType, status])).toEqual([
      [1, 'fax', 'pending'],
      [2, 'fax', null],
      [3, 'mobile', 'bad_number'],
    ]);
  });

  it('has no cursors without links, and no count when the API did not count', () => {
    const page = phoneNumberCollectionSchema.parse({ data: [], links: { first: '/phoneNumbers' } });
    expect(page).toEqual({
      phoneNumbers: [],
      count: undefined,
      nextCursor: undefined,
      prevCursor: undefined,
    });
  });
});
