import type { EventEnvelope } from '@returns-pack/shared-client';
import { deploySource, loadComponent, runAction } from '../../harness';
import type { ComponentDefinition, DeployedSource, Emitted } from '../../harness';
import { startBackend } from './backend';
import type { Backend } from './backend';

const createTradeReturn = loadComponent('actions/create-trade-return/create-trade-return.mjs');

export interface SourceFixture {
  /** A fresh mock per test. */
  readonly backend: Backend;
  /** Deploys against this test's mock; removed (deactivated) after the test unless `remove`d before. */
  deploy(component: ComponentDefinition, props?: Record<string, unknown>): Promise<DeployedSource>;
  remove(source: DeployedSource): Promise<void>;
  /** Creates a trade return through the action, as a workflow would. */
  createReturn(email: string): Promise<string>;
}

/** Registers the hooks that give each test its own mock server and clean up its sources. */
export function sourceFixture(): SourceFixture {
  let current: Backend | undefined;
  const deployed: DeployedSource[] = [];
  beforeEach(async () => {
    current = await startBackend({ rateLimit: false });
  });
  afterEach(async () => {
    await Promise.all(deployed.splice(0).map((source) => source.remove()));
    await current?.close();
  });
  const fixture: SourceFixture = {
    get backend() {
      if (!current) throw new Error('the backend exists only inside a test');
      return current;
    },
    async deploy(component, props) {
      const source = await deploySource(component, { auth: fixture.backend.auth, props });
      deployed.push(source);
      return source;
    },
    async remove(source) {
      deployed.splice(deployed.indexOf(source), 1);
      await source.remove();
    },
    async createReturn(email) {
      const { value } = await runAction(createTradeReturn, {
        auth: fixture.backend.auth,
        props: { customerEmail: email, items: [{ sku: 'SKU', quantity: 1 }] },
      });
      return (value as { id: string }).id;
    },
  };
  return fixture;
}

export const envelopes = (emitted: Emitted[]) => emitted.map((e) => e.event as EventEnvelope);
