import { createReturnsClient } from '@returns-pack/shared-client';
import type { MockServer } from '@returns-pack/mock-api';
import type { ProgressPrinter } from '../report/progress';
import type { PlatformId, PlatformReport, StepResult, TriggerReport } from '../report/summary';
import { adminApi } from './admin';
import { n8nConnector } from './connectors/n8n';
import { pipedreamConnector } from './connectors/pipedream';
import { zapierConnector } from './connectors/zapier';
import { Recorder } from './recorder';
import { tourPlatform } from './scenario';
import type { Connection, Connector } from './types';

/** Generous for loopback deliveries that take milliseconds; only a hung receiver gets near it. */
const SETTLE_SECONDS = 20;

const CONNECTORS: Array<{ id: PlatformId; connect: (connection: Connection) => Connector }> = [
  { id: 'zapier', connect: zapierConnector },
  { id: 'n8n', connect: n8nConnector },
  { id: 'pipedream', connect: pipedreamConnector },
];

export interface TourResult {
  platforms: PlatformReport[];
  steps: StepResult[];
  triggers: TriggerReport[];
}

/**
 * The platforms one after the other, each with an API client of its own (as each would be
 * connected in real life) and its subscriptions gone before the next starts, so that no trigger
 * sees another platform's events.
 */
export async function runTour(server: MockServer, progress: ProgressPrinter): Promise<TourResult> {
  const admin = adminApi(server.url, server.adminToken);
  const recorder = new Recorder((step) => progress.step(step));
  const platforms: PlatformReport[] = [];
  const triggers: TriggerReport[] = [];
  for (const { id, connect } of CONNECTORS) {
    const credentials = await admin.createApiClient(`${id} tour`);
    const connection = { baseUrl: server.url, apiKey: credentials.api_key };
    const connector = connect(connection);
    progress.platform(connector.name, connector.runtime);
    triggers.push(
      ...(await tourPlatform(connector, {
        admin,
        recorder,
        client: createReturnsClient(connection),
        settle: () => withDeadline(server.delivery.settled(), SETTLE_SECONDS),
      })),
    );
    const ok = recorder.steps.every((step) => step.platform !== connector.id || step.ok);
    platforms.push({ id: connector.id, name: connector.name, runtime: connector.runtime, ok });
  }
  return { platforms, steps: recorder.steps, triggers };
}

function withDeadline(work: Promise<void>, seconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`webhook deliveries were still under way after ${seconds} s`)),
      seconds * 1000,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
