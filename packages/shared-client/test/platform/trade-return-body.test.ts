import { ValidationError, createTradeReturn, offlineRepairBody, readForm, tradeReturnBody } from '../../src';

const base = { customer_email: 'jane@example.com', items: [{ sku: 'A', quantity: '2' }] };

function refusedPath(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details[0]!.path;
  }
  throw new Error('expected a refusal');
}

describe('tradeReturnBody: one mapping from form to request for every platform', () => {
  it('keeps a unit price of 0', () => {
    const body = tradeReturnBody({ ...base, items: [{ sku: 'A', quantity: 1, unit_price: 0 }] });
    expect(body.items[0]).toEqual({ sku: 'A', quantity: 1, unit_price: 0 });
  });

  it('upper-cases the credit currency', () => {
    expect(
      tradeReturnBody({ ...base, credit_amount: '12.5', credit_currency: 'eur' }).credit_requested,
    ).toEqual({
      amount: 12.5,
      currency: 'EUR',
    });
  });

  it('reads line items from a list, a list of JSON objects, or JSON, to the same body', () => {
    const items = [{ sku: 'A', quantity: 2, reason: 'Too big', unit_price: 0 }];
    const fromList = tradeReturnBody({ ...base, items });
    expect(tradeReturnBody({ ...base, items: items.map((i) => JSON.stringify(i)) })).toEqual(fromList);
    expect(tradeReturnBody({ ...base, items: JSON.stringify(items) })).toEqual(fromList);
  });

  it('leaves blank optional fields out of the body', () => {
    const body = tradeReturnBody({
      ...base,
      customer_name: '',
      customer_company: '  ',
      credit_amount: '',
      credit_currency: '',
      return_type: '',
      requires_label: '',
      external_reference: null,
      metadata: {},
      items: [{ sku: 'A', quantity: 1, reason: '', unit_price: '' }],
    });
    expect(body).toEqual({ customer: { email: 'jane@example.com' }, items: [{ sku: 'A', quantity: 1 }] });
  });

  it('names the missing required field', () => {
    expect(refusedPath(() => tradeReturnBody({ items: base.items }))).toBe('customer_email');
    expect(refusedPath(() => tradeReturnBody({ customer_email: 'jane@example.com' }))).toBe('items');
    expect(refusedPath(() => tradeReturnBody({ ...base, items: [{ quantity: 1 }] }))).toBe('items[0].sku');
  });

  it('refuses half a credit, naming the missing half', () => {
    expect(refusedPath(() => tradeReturnBody({ ...base, credit_amount: 5 }))).toBe('credit_currency');
    expect(refusedPath(() => tradeReturnBody({ ...base, credit_currency: 'EUR' }))).toBe('credit_amount');
  });

  it("the catalogue's example is a valid form", () => {
    expect(() => readForm(createTradeReturn.fields, createTradeReturn.example)).not.toThrow();
  });
});

describe('offlineRepairBody', () => {
  it('trims text, drops blanks and names a missing serial', () => {
    expect(
      offlineRepairBody({
        serial: ' SN-1 ',
        fault_description: 'Cracked',
        customer_email: 'a@example.com',
        product: '',
      }),
    ).toEqual({ serial: 'SN-1', fault_description: 'Cracked', customer_email: 'a@example.com' });
    expect(
      refusedPath(() => offlineRepairBody({ fault_description: 'x', customer_email: 'a@example.com' })),
    ).toBe('serial');
  });
});
