import type { DemoOptions } from './cli';
import { startDemoMock } from './mock';
import type { DemoMock } from './mock';
import { printMockInfo } from './report/mock-info';
import type { Output } from './report/output';
import { progressPrinter } from './report/progress';
import type { TourSummary } from './report/summary';
import { printTable } from './report/table';
import type { TourResult } from './tour';
import { buildPipedreamBundle } from './tour/pipedream-bundle';
import { elapsedSince } from './tour/recorder';

const NO_TOUR: TourResult = { platforms: [], steps: [], triggers: [] };

/** Long enough for a clean close; a shutdown that hangs must not keep the terminal. */
const STOP_DEADLINE_MS = 5000;

/**
 * The main job: the mock with seeded data, the tour, the summary, then serving until Ctrl-C.
 * Answers the exit code: 0 when every step succeeded, 1 when one failed, 130 when Ctrl-C came
 * before the summary.
 */
export async function run(options: DemoOptions, output: Output): Promise<number> {
  let mock: DemoMock | undefined;
  let outcome = 130;
  const stopped = onStop(async () => {
    output.line(output.colors.dim('Stopping the mock…'));
    await mock?.server.close();
    return outcome;
  });
  const work = async (): Promise<number> => {
    mock = await startDemoMock(options);
    const summary = await tourAndSummarise(mock, options, output);
    outcome = summary.ok ? 0 : 1;
    if (summary.mock.serving) return stopped;
    if (!summary.ok && options.serve === 'on-success') {
      output.line(
        output.colors.dim('A step failed, so the mock stops here (`npm start -- --serve` keeps it running).'),
      );
    }
    await mock.server.close();
    return outcome;
  };
  // Ctrl-C during the tour ends it too: nothing it still does matters once the mock is closed.
  return Promise.race([work(), stopped]);
}

async function tourAndSummarise(mock: DemoMock, options: DemoOptions, output: Output): Promise<TourSummary> {
  const start = performance.now();
  const c = output.colors;
  // The bundle builds in a child process while the mock starts and the connectors load.
  const bundle = options.tour ? buildPipedreamBundle() : Promise.resolve();
  bundle.catch(() => undefined);
  const { server } = mock;
  output.line(`${c.green('✔')} mock API on ${c.cyan(server.url)} with ${mock.seeded} seeded RMAs`);

  let tour = NO_TOUR;
  if (options.tour) {
    output.line(c.dim('Loading the Zapier app, the n8n nodes and the Pipedream components…'));
    // The connectors (zapier-platform-core, n8n-workflow, …) load only now: `--no-tour` never pays for them.
    const [{ runTour }] = await Promise.all([import('./tour/index.js'), bundle]);
    tour = await runTour(server, progressPrinter(output));
  }
  const ok = tour.steps.every((step) => step.ok);
  const summary: TourSummary = {
    ok,
    tour: options.tour,
    duration_ms: elapsedSince(start),
    mock: {
      url: server.url,
      admin_token: server.adminToken,
      api_key: mock.apiClient.api_key,
      api_client_id: mock.apiClient.id,
      seeded_rmas: mock.seeded,
      data_file: server.services.repositories.describe().file,
      serving: options.serve === 'always' || (options.serve === 'on-success' && ok),
    },
    ...tour,
  };
  if (options.tour) printTable(output, tour.platforms, tour.steps);
  printMockInfo(output, summary.mock);
  if (options.json) output.json(summary);
  return summary;
}

/**
 * Ctrl-C (or SIGTERM) runs `stop` once and resolves with its exit code. Repeats are ignored: a
 * terminal's Ctrl-C reaches this process directly and relayed by npm and tsx as well.
 */
function onStop(stop: () => Promise<number>): Promise<number> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => resolve(1), STOP_DEADLINE_MS).unref();
      stop().then(resolve, () => resolve(1));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
