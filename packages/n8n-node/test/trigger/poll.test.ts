import type { IDataObject } from 'n8n-workflow';
import { execute, poll, ReturnsPack, ReturnsPackPollTrigger } from '../../harness';
import { startMock, tradeReturnParameters } from '../mock';

const node = new ReturnsPackPollTrigger();
let mock: Awaited<ReturnType<typeof startMock>>;

beforeEach(async () => {
  mock = await startMock();
});
afterEach(() => mock.server.close());

async function createTradeReturn(n: number): Promise<string> {
  const { output } = await execute(new ReturnsPack(), {
    credentials: mock.credentials,
    parameters: tradeReturnParameters(n),
  });
  return String(output[0]![0]!.json.id);
}

const subjects = (items: Array<{ json: IDataObject }>) =>
  items.map((i) => [i.json.type, (i.json.subject as IDataObject).id]);

test('activation starts from now; each later poll emits the new events of the picked types once, oldest first', async () => {
  const staticData: IDataObject = {};
  const options = { credentials: mock.credentials, parameters: { events: ['return.created'] }, staticData };
  await createTradeReturn(1); // before activation: history, not news
  expect(await poll(node, options)).toEqual([]);
  expect(staticData.cursor).toBeDefined();

  const a = await createTradeReturn(2);
  const b = await createTradeReturn(3);
  mock.server.clock.advance(60 * 60 * 24 * 365); // breaches: events of a type not picked
  expect(subjects(await poll(node, options))).toEqual([
    ['return.created', a],
    ['return.created', b],
  ]);
  expect(await poll(node, options)).toEqual([]);

  const c = await createTradeReturn(4);
  expect(subjects(await poll(node, options))).toEqual([['return.created', c]]);
});

test('no event picked polls every event; the position survives a reload of the static data', async () => {
  const options = {
    credentials: mock.credentials,
    parameters: { events: [] },
    staticData: {} as IDataObject,
  };
  await poll(node, options);
  const id = await createTradeReturn(5);
  const reloaded = { ...options, staticData: JSON.parse(JSON.stringify(options.staticData)) as IDataObject };
  const types = (await poll(node, reloaded)).map((i) => i.json.type);
  expect(types).toContain('return.created');
  expect((await poll(node, reloaded)).map((i) => (i.json.subject as IDataObject).id)).not.toContain(id);
});

test('"Fetch Test Event" returns the newest event of the picked types without moving the position', async () => {
  const staticData: IDataObject = {};
  const id = await createTradeReturn(6);
  const sample = await poll(node, {
    credentials: mock.credentials,
    parameters: { events: ['return.created'] },
    staticData,
    mode: 'manual',
  });
  expect(subjects(sample)).toEqual([['return.created', id]]);
  expect(staticData).toEqual({});
});

test('a wrong API key fails the poll with an n8n error, not silence', async () => {
  await expect(
    poll(node, {
      credentials: { ...mock.credentials, apiKey: 'rmk_wrong_key_123456' },
      parameters: { events: [] },
      staticData: {},
    }),
  ).rejects.toMatchObject({ httpCode: '401' });
});

test('an event of the same millisecond as the position is read again: emitted unless its id was passed', async () => {
  const rmaId = await createTradeReturn(7);
  const { output } = await execute(new ReturnsPack(), {
    credentials: mock.credentials,
    parameters: { resource: 'event', operation: 'getMany', returnAll: true, filters: { subjectId: rmaId } },
  });
  const event = output[0]![0]!.json;
  const pollAt = async (ids: string[]) => {
    const staticData: IDataObject = { cursor: { after: event.created_at, ids } };
    const emitted = await poll(node, {
      credentials: mock.credentials,
      parameters: { events: [] },
      staticData,
    });
    return { emitted: emitted.map((i) => i.json.id), cursor: staticData.cursor };
  };
  // Another event created in that millisecond, not yet passed, is not lost at the boundary.
  expect(await pollAt(['evt_otherAtThatInstant'])).toEqual({
    emitted: [event.id],
    cursor: { after: event.created_at, ids: ['evt_otherAtThatInstant', event.id] },
  });
  expect(await pollAt([String(event.id)])).toEqual({
    emitted: [],
    cursor: { after: event.created_at, ids: [event.id] },
  });
});
