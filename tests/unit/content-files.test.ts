/** What a content file is: ids from paths and titles, and which files each collection reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { actorFile, entryFile, idFromPath, listCollection, slugify, strayFiles } from '../../src/lib/content-files';

describe('ids', () => {
  it.each([
    ['content/entries/2025/2025-05-16-istanbul.mdx', '2025-05-16-istanbul'],
    ['2025\\2025-05-16-istanbul.md', '2025-05-16-istanbul'],
    ['rustem-umerov.md', 'rustem-umerov'],
    ['content/phases.yaml', 'phases'],
  ])('%s has the id %s', (path, id) => expect(idFromPath(path)).toBe(id));

  it.each([
    ['Erdoğan hosts talks in Dolmabahçe, Istanbul!', 6, 'erdogan-hosts-talks-in-dolmabahce-istanbul'],
    ['Łukasz Østergaard', 6, 'lukasz-ostergaard'],
    ['Kalın', 6, 'kalin'],
    ['One two three four five six seven', 6, 'one-two-three-four-five-six'],
    ['One two three four five six seven', 8, 'one-two-three-four-five-six-seven'],
    ['Переговоры', 6, 'untitled'],
  ])('slugifies %j (at most %i words) as %s', (text, words, slug) => expect(slugify(text, words)).toBe(slug));

  it('places new files where the loader reads them', () => {
    expect(entryFile('2025-05-16-istanbul')).toBe('content/entries/2025/2025-05-16-istanbul.mdx');
    expect(actorFile('rustem-umerov')).toBe('content/actors/rustem-umerov.md');
  });
});

describe('collection files', () => {
  let root: string;
  const files = [
    'content/entries/2025/2025-05-16-a.mdx',
    'content/entries/2025-05-17-b.md',
    'content/entries/notes.txt',
    'content/actors/ann.md',
    'content/actors/old/bo.md',
    'content/actors/cy.mdx',
    'content/pages/about.md',
    'content/pages/drafts/about-old.md',
  ];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'content-files-'));
    for (const f of files) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), '---\n---\n');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists what each loader reads, by its own pattern', () => {
    expect(listCollection(root, 'entries')).toEqual({
      files: ['content/entries/2025/2025-05-16-a.mdx'],
      stray: ['content/entries/2025-05-17-b.md'],
    });
    expect(listCollection(root, 'actors')).toEqual({
      files: ['content/actors/ann.md'],
      stray: ['content/actors/cy.mdx', 'content/actors/old/bo.md'],
    });
    expect(listCollection(root, 'pages').files).toEqual(['content/pages/about.md']);
  });

  it('names every Markdown file that no loader reads, with its collection', () => {
    expect(strayFiles(root)).toEqual([
      { file: 'content/entries/2025-05-17-b.md', collection: 'entries' },
      { file: 'content/actors/cy.mdx', collection: 'actors' },
      { file: 'content/actors/old/bo.md', collection: 'actors' },
      { file: 'content/pages/drafts/about-old.md', collection: 'pages' },
    ]);
  });

  it('finds nothing, without failing, where a folder is missing', () => {
    expect(listCollection(join(root, 'nowhere'), 'entries')).toEqual({ files: [], stray: [] });
  });
});
