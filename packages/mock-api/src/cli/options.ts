import { InvalidArgumentError, Option } from 'commander';

/** A commander argument parser for whole numbers in [min, max], refusing anything else by name. */
export function integerOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

/** `--port` and `--host`, alike for every command that listens. */
export const portOption = (defaultPort: number) =>
  new Option('--port <port>', 'port to listen on (0 picks a free one)')
    .argParser(integerOption('--port', 0, 65_535))
    .default(defaultPort);

export const hostOption = () => new Option('--host <host>', 'address to listen on').default('127.0.0.1');
