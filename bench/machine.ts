import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1, 5 and 15 minute load averages. */
  load: [number, number, number];
}

/** What the figures were measured on: the same code gives other numbers on another machine or load. */
export function describeMachine(): Machine {
  const list = cpus();
  const [one, five, fifteen] = loadavg();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    load: [one!, five!, fifteen!].map((n) => Number(n.toFixed(2))) as Machine['load'],
  };
}
