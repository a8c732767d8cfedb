import type { Output } from './output';
import type { MockReport } from './summary';

/** Where the still-running mock is and the credentials to point a connector at it. */
export function printMockInfo(output: Output, mock: MockReport): void {
  const c = output.colors;
  output.line();
  output.line(c.bold(mock.serving ? 'The mock API keeps running:' : 'The mock API ran at:'));
  output.line(`  URL          ${c.cyan(mock.url)}`);
  output.line(`  admin token  ${mock.admin_token}`);
  output.line(
    `  API key      ${mock.api_key}  ${c.dim(`(API client ${mock.api_client_id}, "demo integration")`)}`,
  );
  output.line(`  seeded RMAs  ${mock.seeded_rmas}`);
  output.line(
    `  data         ${mock.data_file ?? c.dim('in memory: gone when this stops (--data-dir keeps it)')}`,
  );
  if (!mock.serving) return;
  output.line(c.dim('Point your own Zapier, n8n or Pipedream at it: docs/README.md. Ctrl-C stops it.'));
}
