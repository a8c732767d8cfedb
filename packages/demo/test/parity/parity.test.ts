import {
  OPERATIONS,
  PLATFORMS,
  POLLING_EXCEPTIONS,
  TRIGGERS,
  triggerFields,
} from '@returns-pack/shared-client';
import type { OperationSpec, Platform } from '@returns-pack/shared-client';
import { expectedOffer } from './offer';
import type { Offer } from './offer';
import { EXPECTED_PICKER, n8nOffer, n8nPicker } from './n8n-offer';
import { pipedreamOffer } from './pipedream-offer';
import { zapierOffer } from './zapier-offer';

/**
 * Parity by construction, checked: every catalogue entry and field is offered on every platform
 * with the same label, required flag and choices, unless the catalogue says why not; nothing is
 * offered that the catalogue does not hold; and no written exception is stale.
 */
const OFFERS: Partial<Record<Platform, () => Offer>> = {
  zapier: zapierOffer,
  n8n: n8nOffer,
  pipedream: pipedreamOffer,
};

describe.each(Object.entries(OFFERS))('%s offers the catalogue', (platform, read) => {
  const offered = read();
  const expected = expectedOffer(platform as Platform);

  it('the same operations, each with the same label and fields', () => {
    expect(offered.operations).toEqual(expected.operations);
  });

  it('the same instant triggers, each with the same label and settings', () => {
    expect(offered.triggers).toEqual(expected.triggers);
  });

  it('a polling fallback for each trigger, unless the catalogue says why not', () => {
    expect(offered.polling.sort()).toEqual(expected.polling.sort());
  });
});

it("n8n's Event Types picker is the catalogue's, under the name saved workflows use", () => {
  expect(n8nPicker()).toEqual(EXPECTED_PICKER);
});

describe('the written exceptions', () => {
  const platforms = [...PLATFORMS];

  it('name a known platform and give a reason of a sentence or more', () => {
    const reasons = [
      ...(OPERATIONS as readonly OperationSpec[]).flatMap((op) => [
        op.exceptions,
        ...op.fields.map((f) => f.exceptions),
      ]),
      ...TRIGGERS.flatMap((t) => [t.exceptions, ...triggerFields(t).map((f) => f.exceptions)]),
      POLLING_EXCEPTIONS,
    ].flatMap((e) => Object.entries(e ?? {}));
    expect(reasons.length).toBeGreaterThan(0);
    for (const [platform, reason] of reasons) {
      expect(platforms).toContain(platform);
      expect(String(reason).length).toBeGreaterThan(40);
    }
  });

  it('leave every operation offered on at least two platforms', () => {
    for (const op of OPERATIONS as readonly OperationSpec[]) {
      expect(platforms.filter((p) => !op.exceptions?.[p]).length).toBeGreaterThanOrEqual(2);
    }
  });
});
