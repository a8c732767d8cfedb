import { createClock } from '../../src/domain/clock';

// Regression: a task that threw used to abort the run, so the tasks due after it never ran and the
// exception reached whoever advanced the clock (an admin request: a 500).
test('a throwing task is reported and the tasks due after it still run', () => {
  const clock = createClock({ wallTime: () => 1_000_000 });
  clock.stop();
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  const ran: string[] = [];
  clock.schedule(clock.now() + 1000, () => {
    throw new Error('broken task');
  });
  clock.schedule(clock.now() + 2000, () => ran.push('later'));
  expect(() => clock.advance(5)).not.toThrow();
  expect(ran).toEqual(['later']);
  expect(warn).toHaveBeenCalledWith('clock task failed: broken task', 'ReturnsMockWarning');
  warn.mockRestore();
});
