import type { StepResult } from './summary';
import type { Output } from './output';

export const formatMs = (ms: number): string => (ms < 10 ? ms.toFixed(1) : Math.round(ms).toString()) + ' ms';

/** The live progress: a heading per platform, then one line per step as soon as it ends. */
export function progressPrinter(output: Output) {
  const c = output.colors;
  return {
    platform(name: string, runtime: string): void {
      output.line();
      output.line(`${c.bold(c.cyan(name))} ${c.dim(`· ${runtime}`)}`);
    },
    step(step: StepResult): void {
      const mark = step.ok ? c.green('✔') : c.red('✘');
      const what = step.ok ? c.dim(step.detail) : c.red(step.error ?? 'failed');
      output.line(`  ${mark} ${step.operation.padEnd(28)} ${formatMs(step.ms).padStart(9)}  ${what}`);
    },
  };
}
export type ProgressPrinter = ReturnType<typeof progressPrinter>;
