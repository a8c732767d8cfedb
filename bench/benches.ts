import type { Parser } from './rows';
import {
  parseApi,
  parseDelivery,
  parseDurable,
  parseFlood,
  parseInstall,
  parseTenancy,
  parseVerify,
} from './rows';

export interface PackageBench {
  /** The workspace whose `bench` script runs it. */
  workspace: string;
  /** Arguments after `npm run bench -w <workspace> --`. */
  args: string[];
  parse: Parser;
  /** The section of bench/RESULTS.md its rows go to; the first table when not given. */
  section?: string;
  /** A bench long enough that a run may leave it out: the flag and the variable that do. */
  skip?: { flag: string; env: string };
}

export const DURABLE_SECTION = 'Durable store';

/** Every benchmark of the packages. A workspace with a `bench` script missing here is reported, not skipped silently. */
export const BENCHES: PackageBench[] = [
  { workspace: 'packages/shared-client', args: ['--json'], parse: parseVerify },
  { workspace: 'packages/mock-api', args: ['api', '--json'], parse: parseApi },
  { workspace: 'packages/mock-api', args: ['delivery', '--json'], parse: parseDelivery },
  { workspace: 'packages/mock-api', args: ['tenancy', '--json'], parse: parseTenancy },
  { workspace: 'packages/mock-api', args: ['flood', '--json'], parse: parseFlood },
  {
    workspace: 'packages/mock-api',
    args: ['durable', '--json'],
    parse: parseDurable,
    section: DURABLE_SECTION,
  },
  {
    // Minutes of npm ci from an empty cache: last, and skippable.
    workspace: 'packages/mock-api',
    args: ['install', '--json'],
    parse: parseInstall,
    section: DURABLE_SECTION,
    skip: { flag: '--skip-install', env: 'BENCH_SKIP_INSTALL' },
  },
];
