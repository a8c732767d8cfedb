import { fork } from 'node:child_process';
import type { ChildProcess, Serializable } from 'node:child_process';

export interface Started<T> {
  child: ChildProcess;
  ready: T;
}

/**
 * Forks a bench target module (under the same tsx loader as this process) and waits for the
 * `{ ready }` message it sends once it is serving.
 */
export function forkTarget<T>(module: string, args: string[], execArgv: string[]): Promise<Started<T>> {
  const child = fork(module, args, {
    execArgv: [...process.execArgv, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { ready: T }) => resolve({ child, ready: message.ready }));
    child.once('exit', (code) => reject(new Error(`target ${args.join(' ')} exited with ${code}`)));
  });
}

/** Sends a request and resolves with the child's next message: one request at a time. */
export function ask<T>(child: ChildProcess, message: Serializable): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer: T) => resolve(answer));
    child.send(message);
  });
}

/**
 * Every target measured in each round, every other round backwards, so that a change in the
 * machine's load (other work sharing its cores) hits every target alike, and a drift over a round
 * favours none. Returns each target's measurements, one per round.
 */
export async function alternatingRounds<N extends string, T>(
  names: readonly N[],
  rounds: number,
  measure: (name: N, round: number) => Promise<T>,
): Promise<Map<N, T[]>> {
  const results = new Map<N, T[]>(names.map((name) => [name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const name of round % 2 ? names : [...names].reverse()) {
      results.get(name)!.push(await measure(name, round));
    }
  }
  return results;
}
