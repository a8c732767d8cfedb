import { ValidationError, coerce } from '../../src';

/** The one place the form rules are tested: every platform's values go through these. */
function refusal(run: () => unknown): { path: string; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details[0]!;
  }
  throw new Error('expected a refusal');
}

describe('numbers', () => {
  it('keeps 0, as a number or as text', () => {
    expect(coerce.number(0, 'unit_price')).toBe(0);
    expect(coerce.number('0', 'unit_price')).toBe(0);
    expect(coerce.number(' 19.99 ', 'unit_price')).toBe(19.99);
  });

  it('treats blank as absent', () => {
    for (const blank of [undefined, null, '', '   ']) expect(coerce.number(blank, 'x')).toBeUndefined();
  });

  it('refuses what is not a number, naming the field', () => {
    expect(refusal(() => coerce.number('12,50', 'credit_amount'))).toEqual({
      path: 'credit_amount',
      message: 'must be a number such as 19.99 (got "12,50")',
    });
    expect(refusal(() => coerce.number({}, 'credit_amount')).path).toBe('credit_amount');
    expect(refusal(() => coerce.integer('1.5', 'quantity')).message).toMatch(/whole number/);
  });
});

describe('booleans', () => {
  it.each([
    [true, true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    [false, false],
    ['no', false],
    ['0', false],
  ])('%p → %p', (value, expected) => {
    expect(coerce.boolean(value, 'requires_label')).toBe(expected);
  });

  it('refuses anything else', () => {
    expect(refusal(() => coerce.boolean('maybe', 'requires_label')).path).toBe('requires_label');
  });
});

describe('text, currency and choices', () => {
  it('trims text and drops blanks', () => {
    expect(coerce.text('  Jane  ', 'customer_name')).toBe('Jane');
    expect(coerce.text('   ', 'customer_name')).toBeUndefined();
    expect(coerce.text(42, 'serial')).toBe('42');
  });

  it('upper-cases a currency code', () => {
    expect(coerce.currency(' eur ', 'credit_currency')).toBe('EUR');
  });

  it('accepts one of the allowed values and names them when refusing', () => {
    expect(coerce.choice('refund', ['refund', 'exchange'], 'return_type')).toBe('refund');
    expect(refusal(() => coerce.choice('gift', ['refund', 'exchange'], 'return_type')).message).toBe(
      'must be one of refund, exchange (got "gift")',
    );
  });

  it('reads several choices from a list or comma-separated text', () => {
    expect(coerce.choices('a, b', ['a', 'b'], 'event_types')).toEqual(['a', 'b']);
    expect(coerce.choices(['b'], ['a', 'b'], 'event_types')).toEqual(['b']);
    expect(coerce.choices([], ['a'], 'event_types')).toBeUndefined();
    expect(refusal(() => coerce.choices(['a', 'z'], ['a'], 'event_types')).path).toBe('event_types[1]');
  });

  it('reads dates as ISO 8601 in UTC', () => {
    expect(coerce.datetime('2025-01-31T10:00:00+01:00', 'created_after')).toBe('2025-01-31T09:00:00.000Z');
    expect(refusal(() => coerce.datetime('last week', 'created_after')).path).toBe('created_after');
  });
});

describe('string maps (metadata)', () => {
  const expected = { erp_order: 'SO-1', count: '2' };

  it('reads an object, its JSON, and a list of key/value entries alike', () => {
    expect(coerce.stringMap({ erp_order: 'SO-1', count: 2 }, 'metadata')).toEqual(expected);
    expect(coerce.stringMap('{"erp_order":"SO-1","count":2}', 'metadata')).toEqual(expected);
    expect(
      coerce.stringMap(
        [
          { key: 'erp_order', value: 'SO-1' },
          { key: 'count', value: '2' },
        ],
        'metadata',
      ),
    ).toEqual(expected);
  });

  it('treats an empty map as absent', () => {
    expect(coerce.stringMap({}, 'metadata')).toBeUndefined();
    expect(coerce.stringMap([], 'metadata')).toBeUndefined();
    expect(coerce.stringMap('', 'metadata')).toBeUndefined();
  });

  it('refuses JSON that is not a map, and entries without a key', () => {
    expect(refusal(() => coerce.stringMap('{bad', 'metadata')).message).toBe('is not valid JSON');
    expect(refusal(() => coerce.stringMap('"text"', 'metadata')).path).toBe('metadata');
    expect(refusal(() => coerce.stringMap([{ value: 'x' }], 'metadata')).path).toBe('metadata[0]');
  });
});

describe('object lists (line items)', () => {
  const item = { sku: 'A', quantity: 1 };

  it('reads a list, its JSON, a list of JSON objects and one object alike', () => {
    expect(coerce.objectList([item], 'items')).toEqual([item]);
    expect(coerce.objectList(JSON.stringify([item]), 'items')).toEqual([item]);
    expect(coerce.objectList([JSON.stringify(item)], 'items')).toEqual([item]);
    expect(coerce.objectList(item, 'items')).toEqual([item]);
    expect(coerce.objectList([JSON.stringify([item, item])], 'items')).toEqual([item, item]);
  });

  it('names the entry that is not an object', () => {
    expect(refusal(() => coerce.objectList([item, 3], 'items')).path).toBe('items[1]');
    expect(refusal(() => coerce.objectList(['{"sku":'], 'items')).path).toBe('items[0]');
  });
});
