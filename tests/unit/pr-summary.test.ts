/** The job summary of a pull request: what it changes in the story, then the check. */
import { describe, expect, it } from 'vitest';
import { collectionOf, parseNameStatus, prSummary, type FileChange } from '../../src/lib/pr-summary';

const entry = (fields: string, body = 'Text.') => `---\n${fields}\n---\n\n${body}\n`;
const TALKS = entry(
  [
    'title: "Talks | in Istanbul"',
    'date: 2025-05-16',
    'actors: [rustem-umerov, vladimir-medinsky]',
    'kind: talks',
    'sources:',
    '  - { outlet: Reuters, url: "https://reuters.com/a" }',
    '  - { outlet: AP, url: "https://apnews.com/b" }',
  ].join('\n'),
);
const TALKS_DISPUTED = TALKS.replace('kind: talks', 'kind: talks\nconfidence: disputed\nconfidenceNote: "Who spoke."');
const NEW_DRAFT = entry(
  'title: New call\ndate: 2025-06-01\nactors: [donald-trump]\nkind: call\ndraft: true\nsources:\n  - { outlet: X, url: "https://x.org" }',
);
const ACTOR =
  '---\nname: Rustem Umerov\ntype: person\naffiliation: Ukraine\nroles:\n  - title: Minister\n---\n\nBio.\n';

const files: Record<string, Record<string, string>> = {
  base: {
    'content/entries/2025/2025-05-16-istanbul-talks.mdx': TALKS,
    'content/entries/2024/2024-01-01-old.mdx': entry('title: Old event\ndate: 2024-01-01\nactors: [a]\nkind: other'),
    'content/actors/rustem-umerov.md': ACTOR.replace('Bio.', 'Old bio.'),
  },
  head: {
    'content/entries/2025/2025-05-16-istanbul-talks.mdx': TALKS_DISPUTED,
    'content/entries/2025/2025-06-01-new-call.mdx': NEW_DRAFT,
    'content/entries/2025/2025-06-02-broken.mdx': '---\ntitle: "unclosed\n---\n',
    'content/actors/rustem-umerov.md': ACTOR,
  },
};
const read = (side: 'base' | 'head', path: string) => files[side]![path];

describe('git diff --name-status', () => {
  it('reads added, modified, deleted and renamed files', () => {
    expect(parseNameStatus('A\ta.mdx\nM\tb.mdx\nD\tc.mdx\nR087\told.mdx\tnew.mdx\n\n')).toEqual<FileChange[]>([
      { kind: 'added', path: 'a.mdx' },
      { kind: 'changed', path: 'b.mdx' },
      { kind: 'removed', path: 'c.mdx' },
      { kind: 'changed', path: 'new.mdx', from: 'old.mdx' },
    ]);
  });

  it.each([
    ['content/entries/2025/2025-05-16-a.mdx', 'entries'],
    ['content/actors/rustem-umerov.md', 'actors'],
    ['content/actors/sub/x.md', undefined],
    ['content/phases.yaml', undefined],
    ['src/lib/schema.ts', undefined],
  ])('files %s under %s', (path, collection) => expect(collectionOf(path)).toBe(collection));
});

describe('the summary', () => {
  const changes = parseNameStatus(
    [
      'M\tcontent/entries/2025/2025-05-16-istanbul-talks.mdx',
      'A\tcontent/entries/2025/2025-06-01-new-call.mdx',
      'A\tcontent/entries/2025/2025-06-02-broken.mdx',
      'D\tcontent/entries/2024/2024-01-01-old.mdx',
      'M\tcontent/actors/rustem-umerov.md',
      'M\tcontent/phases.yaml',
    ].join('\n'),
  );
  const md = prSummary(changes, read, {
    ok: false,
    output: '> npm run check\n\nx.mdx:1:1  title  bad\n::error file=x.mdx::bad\n',
  });
  const lines = md.split('\n');

  it('counts what changed', () => {
    expect(md).toContain('4 entries (2 added, 1 changed, 1 removed); 1 actor (1 changed).');
  });

  it('lists entries added first, with date, title, actors, number of sources and confidence', () => {
    const rows = lines.filter((l) => l.startsWith('| added') || l.startsWith('| changed') || l.startsWith('| removed'));
    expect(rows[0]).toBe(
      '| added | `2025-06-01-new-call` | 2025-06-01 | New call (draft) | donald-trump | 1 | confirmed |  |',
    );
    expect(rows[1]).toBe('| added | `2025-06-02-broken` | ⚠ the frontmatter does not parse |  |  |  |  |  |');
    expect(rows[2]).toBe(
      '| changed | `2025-05-16-istanbul-talks` | 2025-05-16 | Talks \\| in Istanbul | rustem-umerov, vladimir-medinsky | 2 | disputed | confidence, confidenceNote |',
    );
    expect(rows[3]).toBe('| removed | `2024-01-01-old` | 2024-01-01 | Old event | a | 0 | confirmed |  |');
  });

  it('lists actors with what changed, the text included', () => {
    expect(md).toContain('| changed | `rustem-umerov` | Rustem Umerov | person | Ukraine | 1 | text |');
  });

  it('ends with the check, without the annotation lines GitHub already shows on the files', () => {
    expect(md).toContain('✗ Failed');
    expect(md).toContain('```text\nx.mdx:1:1  title  bad\n```');
    expect(md).not.toContain('::error');
  });

  it('says so when no entry or actor changed', () => {
    expect(prSummary(parseNameStatus('M\tcontent/phases.yaml'), read)).toContain(
      'No entry or actor is added, changed or removed.',
    );
  });

  it('shows a moved entry as changed, with where it was', () => {
    const moved = parseNameStatus(
      'R100\tcontent/entries/2024/2025-05-16-istanbul-talks.mdx\tcontent/entries/2025/2025-05-16-istanbul-talks.mdx',
    );
    const text = prSummary(moved, (side, path) =>
      side === 'base' && path.includes('/2024/')
        ? TALKS
        : side === 'head' && path.includes('/2025/')
          ? TALKS
          : undefined,
    );
    expect(text).toContain('| changed (moved from `content/entries/2024/2025-05-16-istanbul-talks.mdx`) |');
  });
});
