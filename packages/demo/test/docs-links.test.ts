import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

const guides = [
  'README.md',
  ...readdirSync(path.join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join('docs', file)),
].sort();

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function anchorsOf(file: string): string[] {
  const text = readFileSync(path.join(repoRoot, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!));
}

describe.each(guides)('%s', (file) => {
  test('every link inside the repository leads to a file and heading that exist', () => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [relative, anchor] = target!.split('#');
      const resolved = relative ? path.join(path.dirname(file), relative) : file;
      // CONTRACT.md and the seeds live beside the repository, not in it.
      if (resolved.startsWith('..')) continue;
      if (!existsSync(path.join(repoRoot, resolved))) broken.push(`${target}: no such file`);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).includes(anchor)) {
        broken.push(`${target}: no such heading`);
      }
    }
    expect(broken).toEqual([]);
  });
});
