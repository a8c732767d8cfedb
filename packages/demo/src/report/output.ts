import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

export interface Output {
  /** Live progress and the human summary: stdout, or stderr when stdout carries the JSON summary. */
  line(text?: string): void;
  colors: Colors;
  /** The JSON summary, alone on stdout. */
  json(value: unknown): void;
}

export function createOutput(json: boolean, env: NodeJS.ProcessEnv = process.env): Output {
  const stream = json ? process.stderr : process.stdout;
  // picocolors looks at stdout only; progress may go to stderr, so ask the stream it is written to.
  const colors = pc.createColors(pc.isColorSupported && (Boolean(stream.isTTY) || 'FORCE_COLOR' in env));
  if (json) {
    // Connector code logs with console.log (refused deliveries, say): keep stdout for the JSON alone.
    console.log = console.error;
    console.info = console.error;
    console.debug = console.error;
  }
  return {
    line: (text = '') => void stream.write(`${text}\n`),
    colors,
    json: (value) => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  };
}
