import type { Machine } from './machine';
import type { Row } from './rows';

export interface Run {
  command: string;
  startedAt: Date;
  seconds: number;
  before: Machine;
  after: Machine;
  rows: Row[];
  /** Benchmarks that failed or are not covered, one sentence each. */
  problems: string[];
  commands: string[];
  /** Benchmarks left out of this run on purpose, each with the flag that did it. */
  skipped: string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

const SECTION_INTROS: Record<string, string[]> = {
  'Durable store': [
    'The SQLite store (`--data-dir`) against the in-memory one, both measured in the same run, in rounds that',
    "alternate between them (issue #20's targets: list reads ≥ 0.7×, creations with the limit off ≥ 0.3×,",
    'deliveries ≥ 0.5× in-memory); then what installing its engine costs a fresh clone.',
  ],
};

function table(rows: Row[]): string[] {
  return [
    '| benchmark | measurement | figure | baseline | ratio | target |',
    '| --- | --- | --- | --- | ---: | --- |',
    ...rows.map((r) =>
      [
        '',
        cell(r.benchmark),
        cell(r.measurement),
        cell(r.figure),
        cell(r.baseline),
        r.ratio === null ? '' : r.ratio.toFixed(2),
        r.target === undefined ? '' : `${r.target} ${r.pass ? 'pass' : 'FAIL'}`,
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
}

/** Each section's rows, in the order the sections first appear; rows without one come first. */
function sections(rows: Row[]): string[] {
  const names = [...new Set(rows.flatMap((r) => (r.section === undefined ? [] : [r.section])))];
  return names.flatMap((name) => [
    `## ${name}`,
    '',
    ...(SECTION_INTROS[name] ? [...SECTION_INTROS[name], ''] : []),
    ...table(rows.filter((r) => r.section === name)),
    '',
  ]);
}

/** `bench/RESULTS.md`: the tables, and what they were measured on. */
export function renderResults(run: Run): string {
  const { before, after } = run;
  return [
    '# Benchmark results',
    '',
    `Produced by \`${run.command}\` (from the repository root) on ${run.startedAt.toISOString()}, in ${Math.round(run.seconds)} s.`,
    'Ratios are higher-is-better and were measured in the same run as their baseline; figures are only',
    'comparable on the same machine under the same load.',
    '',
    `Machine: ${before.cpu}, ${before.cores} cores, ${before.memoryGiB} GiB, Node ${before.node}; load average`,
    `(1/5/15 min) ${before.load.join(' / ')} at the start, ${after.load.join(' / ')} at the end.`,
    '',
    ...table(run.rows.filter((r) => r.section === undefined)),
    '',
    ...sections(run.rows),
    'Benchmarks run:',
    '',
    ...run.commands.map((c) => `- \`${c}\``),
    '',
    ...(run.skipped.length > 0 ? ['Left out of this run:', '', ...run.skipped.map((c) => `- ${c}`), ''] : []),
    ...(run.problems.length > 0 ? ['Problems:', '', ...run.problems.map((p) => `- ${p}`), ''] : []),
    ...missedTargets(run.rows),
  ].join('\n');
}

/** A package benchmark's own target that this run missed: said in words, not only as a FAIL cell. */
function missedTargets(rows: Row[]): string[] {
  const missed = rows.filter((r) => r.pass === false);
  if (missed.length === 0) return [];
  return [
    'Targets missed in this run (on a shared machine a single run can miss a ratio by noise; rerun before concluding):',
    '',
    ...missed.map((r) => `- ${r.measurement}: ${r.ratio?.toFixed(2) ?? r.figure}, target ${r.target}`),
    '',
  ];
}
