import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCollection } from '../../src/lib/content-files';
import { readContentFile } from '../../src/lib/frontmatter';
import { markdownBody, markdownToText } from '../../src/lib/markdown-to-text';
import { FIXTURE, ROOT } from '../support/site';

describe('markdownToText', () => {
  it.each([
    [
      'paragraphs and emphasis',
      'The *envoys* met.\n\nThey **agreed** to [talk](https://example.org) again.',
      'The envoys met.\n\nThey agreed to talk again.',
    ],
    ['a list', '- one\n- two *items*', '- one\n- two items'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |', 'a | b\n1 | 2'],
    ['a strikethrough', 'It was ~~Monday~~ Tuesday.', 'It was Monday Tuesday.'],
    ['a footnote', 'Talks began.[^1]\n\n[^1]: According to one report.', 'Talks began.'],
    ['a task list', '- [ ] draft\n- [x] sign', '- draft\n- sign'],
    ['a bare URL', 'See www.example.org for the text.', 'See www.example.org for the text.'],
  ])('reads %s as plain text', (_, body, text) => {
    expect(markdownToText(body)).toBe(text);
  });

  it('reads every entry and bio of the story and the fixture as GFM would, with or without the fast path', () => {
    let compared = 0;
    for (const root of [ROOT, FIXTURE]) {
      for (const collection of ['entries', 'actors'] as const) {
        for (const file of listCollection(root, collection).files) {
          const body = markdownBody(readFileSync(join(root, file), 'utf8'));
          expect(markdownToText(body), file).toBe(markdownToText(body, true));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});

describe('markdownBody', () => {
  it.each([
    ['a file', '---\ntitle: x\n---\n\nText.\n', '\nText.\n'],
    ['Windows line ends', '---\r\ntitle: x\r\n---\r\nText.', 'Text.'],
    ['a rule in the body', '---\ntitle: x\n---\nOne.\n\n---\n\nTwo.', 'One.\n\n---\n\nTwo.'],
    ['no frontmatter', 'Just text.', 'Just text.'],
  ])('reads the body of %s', (_, source, body) => {
    expect(markdownBody(source)).toBe(body);
  });

  it('finds the same body as the content checks in every file of the story and the fixture', () => {
    for (const root of [ROOT, FIXTURE])
      for (const collection of ['entries', 'actors'] as const)
        for (const file of listCollection(root, collection).files) {
          const source = readFileSync(join(root, file), 'utf8');
          const read = readContentFile(file, source);
          expect('body' in read && markdownToText(markdownBody(source)), file).toBe(
            'body' in read && markdownToText(read.body),
          );
        }
  });
});
