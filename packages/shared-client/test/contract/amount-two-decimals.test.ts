import { Amount } from '../../src/contract';

// Regression: `Math.round(n * 100) === n * 100` refused 19.99 (19.99 * 100 is 1998.9999999999998 in
// binary floating point), so the contract's own example amount failed validation.
describe('Amount accepts every two-decimal amount and refuses more decimals', () => {
  test.each([19.99, 39.98, 0.07, 0.29, 1.15, 24.99, 0, 12.5, 100, 99999.99])('%p is valid', (amount) => {
    expect(Amount.safeParse(amount).success).toBe(true);
  });

  test.each([1.005, 0.001, 19.999, Number.NaN, Number.POSITIVE_INFINITY, -1])('%p is refused', (amount) => {
    expect(Amount.safeParse(amount).success).toBe(false);
  });

  test('every cent value from 0.00 to 100.00 parses', () => {
    for (let cents = 0; cents <= 10_000; cents++) {
      expect([cents, Amount.safeParse(cents / 100).success]).toEqual([cents, true]);
    }
  });
});
