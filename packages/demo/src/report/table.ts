import type { Output } from './output';
import { formatMs } from './progress';
import { Operation } from './summary';
import type { PlatformReport, StepResult } from './summary';

/**
 * The final table: one row per operation, one column per platform, each cell the result and
 * latency; then every failure spelled out with its cause.
 */
export function printTable(output: Output, platforms: PlatformReport[], steps: StepResult[]): void {
  const c = output.colors;
  const width = 18;
  const cell = (step: StepResult | undefined): string => {
    if (!step) return c.dim('–'.padEnd(width));
    const text = `${step.ok ? '✔ ok' : '✘ failed'} ${formatMs(step.ms).padStart(9)}`.padEnd(width);
    return step.ok ? c.green(text) : c.red(text);
  };
  output.line();
  output.line(c.bold(['operation'.padEnd(30), ...platforms.map((p) => p.name.padEnd(width))].join('')));
  for (const operation of Operation.options) {
    const row = platforms.map((p) =>
      cell(steps.find((s) => s.platform === p.id && s.operation === operation)),
    );
    output.line(`${operation.padEnd(30)}${row.join('')}`);
  }
  const failed = steps.filter((s) => !s.ok);
  output.line();
  if (failed.length === 0) {
    output.line(c.green(`Every platform × operation succeeded; every trigger fired exactly once per event.`));
    return;
  }
  output.line(c.red(c.bold(`${failed.length} step${failed.length === 1 ? '' : 's'} failed:`)));
  for (const step of failed) output.line(c.red(`  ${step.platform} · ${step.operation}: ${step.error}`));
}
