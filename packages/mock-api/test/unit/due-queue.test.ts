import { createClock } from '../../src/domain/clock';
import { DueQueue } from '../../src/domain/due-queue';

const setup = () => {
  let wall = 1_000_000;
  const clock = createClock({ wallTime: () => wall });
  clock.stop();
  return { clock, tick: (ms: number) => (wall += ms) };
};

test('entries fire in due order, each once, whatever order they were added in', () => {
  const { clock } = setup();
  const fired: string[] = [];
  const queue = new DueQueue<string>(clock, (key) => fired.push(key), 'test');
  const now = clock.now();
  queue.add(now + 3000, 'c');
  queue.add(now + 1000, 'a');
  queue.add(now + 2000, 'b');
  queue.add(now + 1000, 'a2');
  clock.advance(1);
  expect(fired).toEqual(['a', 'a2']);
  clock.advance(10);
  expect(fired).toEqual(['a', 'a2', 'b', 'c']);
  expect(queue.size).toBe(0);
});

test('two queues on one clock interleave in time order during one long advance', () => {
  const { clock } = setup();
  const fired: string[] = [];
  const early = new DueQueue<string>(clock, (key) => fired.push(key), 'early');
  const late = new DueQueue<string>(clock, (key) => fired.push(key), 'late');
  const now = clock.now();
  late.add(now + 2000, 'late-2s');
  early.add(now + 1000, 'early-1s');
  early.add(now + 3000, 'early-3s');
  clock.advance(60);
  expect(fired).toEqual(['early-1s', 'late-2s', 'early-3s']);
});

test('a failing task is reported and does not stop the queue', () => {
  const { clock } = setup();
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  const fired: number[] = [];
  const queue = new DueQueue<number>(
    clock,
    (key) => {
      if (key === 1) throw new Error('bad entry');
      fired.push(key);
    },
    'test queue',
  );
  queue.add(clock.now() + 1000, 1);
  queue.add(clock.now() + 1000, 2);
  queue.add(clock.now() + 5000, 3);
  clock.advance(10);
  expect(fired).toEqual([2, 3]);
  expect(warn).toHaveBeenCalledWith('test queue failed: bad entry', 'ReturnsMockWarning');
  warn.mockRestore();
});

test('one clock timer at a time, however many entries', () => {
  const { clock } = setup();
  const schedule = jest.spyOn(clock, 'schedule');
  const queue = new DueQueue<number>(clock, () => undefined, 'test');
  for (let i = 0; i < 1000; i++) queue.add(clock.now() + 1000 + i, i);
  expect(schedule).toHaveBeenCalledTimes(1);
});
