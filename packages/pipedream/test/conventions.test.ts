import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EventEnvelope } from '@returns-pack/shared-client';
import { loadComponent } from './harness';
import type { ComponentDefinition } from './harness';

const packageDir = path.join(__dirname, '..');
const folders = (kind: 'actions' | 'sources') =>
  readdirSync(path.join(packageDir, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'common')
    .map((entry) => entry.name);

const components = (kind: 'actions' | 'sources'): [string, ComponentDefinition][] =>
  folders(kind).map((folder) => [folder, loadComponent(`${kind}/${folder}/${folder}.mjs`)]);

const DOCS_LINK = /\[See the documentation\]\(https:\/\/[^)\s]+\)$/;

describe('the components guidelines', () => {
  it.each([...components('actions'), ...components('sources')])(
    '%s: key is the app slug and the folder, version starts at 0.0.1, the description ends with a docs link',
    (folder, component) => {
      expect(component.key).toBe(`returns_pack-${folder}`);
      expect(component.version).toBe('0.0.1');
      expect(component.description).toMatch(DOCS_LINK);
    },
  );

  it.each(components('actions'))(
    '%s: a verb-first Title Case name and all three annotations',
    (_folder, action) => {
      expect(action.type).toBe('action');
      expect(action.name).toMatch(/^(Create|Get|List|Replay) ([A-Z][A-Za-z]*( |$))+$/);
      const readOnly = /^(Get|List) /.test(action.name);
      expect(action.annotations).toEqual({
        destructiveHint: false,
        openWorldHint: true,
        readOnlyHint: readOnly,
      });
    },
  );

  it.each(components('sources'))(
    '%s: named "New …", described "Emit new …", deduped on a unique id',
    (folder, source) => {
      expect(source.type).toBe('source');
      expect(source.dedupe).toBe('unique');
      expect(source.description).toMatch(/^Emit new /);
      const instant = folder.endsWith('-instant');
      expect(source.name).toMatch(instant ? /^New .+ \(Instant\)$/ : /^New .+[^)]$/);
      // Keys in the past tense: what happened, not what to do.
      expect(folder).toMatch(/-(created|processed|delivered|breached|received)(-instant)?$/);
      expect(source.props.db).toBe('$.service.db');
      if (instant) expect(source.props.http).toEqual({ type: '$.interface.http', customResponse: true });
      else
        expect(source.props.timer).toEqual({ type: '$.interface.timer', default: { intervalSeconds: 900 } });
    },
  );

  it.each(components('sources'))('%s: its sample emit is a real event of the contract', (_folder, source) => {
    expect(EventEnvelope.safeParse(source.sampleEmit).error).toBeUndefined();
  });

  it('offers every source both instantly and by polling', () => {
    const sources = folders('sources');
    const instant = sources.filter((s) => s.endsWith('-instant')).map((s) => s.replace(/-instant$/, ''));
    expect(instant.sort()).toEqual(sources.filter((s) => !s.endsWith('-instant')).sort());
  });

  it('lists every component in the README', () => {
    const readme = readFileSync(path.join(packageDir, 'README.md'), 'utf8');
    for (const [, component] of [...components('actions'), ...components('sources')]) {
      expect(readme).toContain(`\`${component.key}\``);
    }
  });
});
