import type { Parser } from './rows';
import { parseApi, parseDelivery, parseFlood, parseTenancy, parseVerify } from './rows';

export interface PackageBench {
  /** The workspace whose `bench` script runs it. */
  workspace: string;
  /** Arguments after `npm run bench -w <workspace> --`. */
  args: string[];
  parse: Parser;
}

/** Every benchmark of the packages. A workspace with a `bench` script missing here is reported, not skipped silently. */
export const BENCHES: PackageBench[] = [
  { workspace: 'packages/shared-client', args: ['--json'], parse: parseVerify },
  { workspace: 'packages/mock-api', args: ['api', '--json'], parse: parseApi },
  { workspace: 'packages/mock-api', args: ['delivery', '--json'], parse: parseDelivery },
  { workspace: 'packages/mock-api', args: ['tenancy', '--json'], parse: parseTenancy },
  { workspace: 'packages/mock-api', args: ['flood', '--json'], parse: parseFlood },
];
