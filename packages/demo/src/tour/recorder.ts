import type { Operation, PlatformId, StepResult } from '../report/summary';
import { causeOf } from './cause';

export const elapsedSince = (start: number): number => Math.round((performance.now() - start) * 10) / 10;

/** Times each step, keeps its result and hands it to the live progress as soon as it ends. */
export class Recorder {
  readonly steps: StepResult[] = [];

  constructor(private readonly onStep: (step: StepResult) => void) {}

  /** Runs one step; a failure is recorded with its cause and answered `undefined`, never thrown. */
  async step<T>(
    platform: PlatformId,
    operation: Operation,
    run: () => Promise<T>,
    describe: (value: T) => string,
  ): Promise<T | undefined> {
    const start = performance.now();
    try {
      const value = await run();
      this.add({ platform, operation, ok: true, ms: elapsedSince(start), detail: describe(value) });
      return value;
    } catch (error) {
      this.add({
        platform,
        operation,
        ok: false,
        ms: elapsedSince(start),
        detail: '',
        error: causeOf(error),
      });
      return undefined;
    }
  }

  /** A step that cannot run because one it needs failed. */
  skip(platform: PlatformId, operation: Operation, needs: string): void {
    this.add({ platform, operation, ok: false, ms: 0, detail: '', error: `not run: ${needs} failed` });
  }

  add(step: StepResult): void {
    this.steps.push(step);
    this.onStep(step);
  }
}
