import type { CommanderError } from 'commander';
import { demoProgram } from '../src/cli';
import type { DemoOptions } from '../src/cli';

/** Parses as `npm start -- <args>` would, but throws instead of printing and exiting. */
function parse(args: string[], env: NodeJS.ProcessEnv = {}): DemoOptions {
  const program = demoProgram(env)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  program.parse(args, { from: 'user' });
  return program.getOptionValue('resolved') as DemoOptions;
}

function refusal(args: string[]): string {
  try {
    parse(args);
  } catch (error) {
    return (error as CommanderError).message;
  }
  throw new Error(`${args.join(' ')} was accepted`);
}

test('by default: port 4010 on loopback, 25 seeded RMAs, the tour, serving when it passes', () => {
  expect(parse([])).toEqual({
    port: 4010,
    host: '127.0.0.1',
    seed: 25,
    tour: true,
    json: false,
    serve: 'on-success',
    adminToken: undefined,
  });
});

test.each([
  [['--json'], 'never'],
  [['--json', '--serve'], 'always'],
  [['--no-serve'], 'never'],
  [['--serve'], 'always'],
  [['--no-tour'], 'always'],
  [['--no-tour', '--json'], 'always'],
])('%j serves %s', (args, serve) => {
  expect(parse(args).serve).toBe(serve);
});

test('the admin token comes from the flag, else RETURNS_MOCK_ADMIN_TOKEN', () => {
  expect(parse([], { RETURNS_MOCK_ADMIN_TOKEN: 'adm_from_env_123' }).adminToken).toBe('adm_from_env_123');
  expect(parse(['--admin-token', 'adm_flag_1234'], { RETURNS_MOCK_ADMIN_TOKEN: 'x' }).adminToken).toBe(
    'adm_flag_1234',
  );
});

test.each([
  [['--port', 'abc'], '--port must be a whole number from 0 to 65535'],
  [['--port', '70000'], '--port must be a whole number from 0 to 65535'],
  [['--seed', '-1'], '--seed must be a whole number'],
  [['--tour-please'], "unknown option '--tour-please'"],
  [['--no-tour', '--no-serve'], '--no-tour with --no-serve leaves nothing to do'],
])('%j is refused naming the flag', (args, message) => {
  expect(refusal(args)).toContain(message);
});
