/**
 * The published story itself: every entry and actor validates, every reference resolves, every
 * actor has an entry, no event is told twice, sources are https, unique and taken from the research
 * dossier, and the seed event carries everything its seed article reports.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readStory } from '../../src/lib/story-files';
import { formatProblem } from '../../src/lib/validate';
import { mentionedActors } from '../../src/lib/names';
import site from '../../src/site.config';
import { ROOT } from '../support/site';

const story = readStory(ROOT, Object.keys(site.topics));
const RESEARCH = join(ROOT, '../shared/research');

describe('the story', () => {
  it('has no schema, reference, file-name or phase problem', () => {
    expect(story.problems.map(formatProblem)).toEqual([]);
  });

  it('has every entry and actor file parsed', () => {
    expect(story.entries.length).toBeGreaterThanOrEqual(150);
    expect(story.actors.length).toBeGreaterThan(50);
  });

  it('gives every actor at least one entry', () => {
    const used = new Set(story.entries.flatMap((e) => e.data.actors));
    expect(story.actors.map((a) => a.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('does not tell the same event twice on the same date', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const e of story.entries) {
      const key = `${e.data.date}|${e.data.kind}|${[...e.data.actors].sort().join(',')}`;
      if (seen.has(key)) twice.push(`${seen.get(key)} and ${e.id}`);
      seen.set(key, e.id);
      const title = `${e.data.date}|${e.data.title.toLowerCase()}`;
      if (seen.has(title)) twice.push(`${seen.get(title)} and ${e.id} (same title)`);
      seen.set(title, e.id);
    }
    expect(twice).toEqual([]);
  });

  it('cites https sources, each once per entry', () => {
    for (const e of story.entries) {
      const urls = e.data.sources.map((s) => s.url);
      expect(urls.every((u) => u.startsWith('https://')), e.file).toBe(true);
      expect(new Set(urls).size, `${e.file}: a URL is cited twice`).toBe(urls.length);
    }
  });

  it('writes a summary of one sentence and a body for every entry', () => {
    for (const e of story.entries) {
      expect(e.data.summary.trim(), e.file).toMatch(/[.?!"”]$/);
      expect(e.data.summary.match(/[.?!]\s+[A-Z]/g), `${e.file}: summary has more than one sentence`).toBeNull();
      expect(e.body.trim().length, `${e.file}: empty body`).toBeGreaterThan(100);
    }
  });

  it('gives every disputed entry a note', () => {
    for (const e of story.entries.filter((x) => x.data.confidence === 'disputed')) {
      expect(e.data.confidenceNote?.length ?? 0, e.file).toBeGreaterThan(20);
    }
  });

  it('gives every actor a name, a bio of one to three sentences and unique aliases', () => {
    for (const a of story.actors) {
      const sentences = a.body.trim().split(/(?<=[.!?])\s+(?=[A-Z])/).filter(Boolean);
      expect(sentences.length, `${a.file}: bio of ${sentences.length} sentences`).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${a.file}: bio of ${sentences.length} sentences`).toBeLessThanOrEqual(3);
      expect(a.data.aliases, a.file).not.toContain(a.data.name);
      expect(new Set(a.data.aliases).size, a.file).toBe(a.data.aliases.length);
    }
  });
});

describe.skipIf(!existsSync(RESEARCH))('sources come from the research dossier', () => {
  // ../shared/research sits beside the repository on our machines and in CI; elsewhere this is skipped.
  const dossier = existsSync(RESEARCH)
    ? readdirSync(RESEARCH)
        .filter((f) => f.endsWith('.md'))
        .map((f) => readFileSync(join(RESEARCH, f), 'utf8'))
        .join('\n')
    : '';
  it('cites no URL that the dossier does not list', () => {
    const unknown = story.entries.flatMap((e) => e.data.sources.filter((s) => !dossier.includes(s.url)).map((s) => `${e.file}: ${s.url}`));
    expect(unknown).toEqual([]);
  });
  it('covers every dated event of the dossier', () => {
    const days = new Set(story.entries.map((e) => e.data.date));
    const months = new Set(story.entries.map((e) => e.data.date.slice(0, 7)));
    const missing = [...dossier.matchAll(/^## (\d{4}-\d{2}(?:-\d{2})?)(?: to \d{4}-\d{2}-\d{2})? — (.*)$/gm)]
      .filter(([, d]) => (d!.length === 7 ? !months.has(d!) : !days.has(d!)))
      .map(([, d, t]) => `${d} ${t}`);
    expect(missing).toEqual([]);
  });
});

describe('the seed event (16 May 2025, Dolmabahçe Palace)', () => {
  const seed = story.entries.find((e) => e.id === '2025-05-16-istanbul-direct-talks')!;
  it('exists and cites the seed article', () => {
    expect(seed).toBeDefined();
    expect(seed.data.sources[0]!.url).toBe('https://www.inkl.com/news/ukraine-s-zelenskyy-sends-delegation-for-russia-talks-after-putin-no-show');
    expect(seed.data.sources[0]!.original).toBe('Al Jazeera');
  });
  it.each([
    ['the venue', /Dolmabahçe Palace/],
    ['Türkiye as host', /Türkiye hosted/],
    ['the Ukrainian delegation and its head', /Rustem\s+Umerov led Ukraine's team/],
    ['the Russian delegation and its head', /Vladimir Medinsky led Russia's/],
    ['the US delegation', /Marco\s+Rubio leading the US delegation/],
    ['Zelenskyy in Ankara', /Zelenskyy\s+stayed\s+in\s+Ankara/],
    ['Medinsky on continuing the 2022 talks', /continuation of the failed 2022\s+negotiations/],
    ["Putin's absence", /Vladimir Putin did not come/],
    ["Estonia's foreign minister", /Margus\s+Tsahkna[\s\S]*"like a slap in the face"/],
    ["Trump's comment on Air Force One", /aboard Air Force One/],
    ["Rubio's low expectations", /did not have high\s+expectations/],
    ['the planned trilateral meeting', /Türkiye–US–Ukraine meeting was\s+planned/],
    ["Peskov on a Putin–Trump meeting", /Putin–Trump meeting was necessary/],
  ])('reports %s', (_, pattern) => {
    expect(seed.body).toMatch(pattern);
  });
  it('names every delegation member as an actor', () => {
    for (const id of ['rustem-umerov', 'vladimir-medinsky', 'hakan-fidan', 'marco-rubio', 'margus-tsahkna', 'dmitry-peskov', 'donald-trump']) {
      expect(seed.data.actors).toContain(id);
    }
  });
});

describe('spellings', () => {
  const cyrillic = /[\u0400-\u04ff]/;
  it('finds each actor, and only that actor, by every spelling of five letters or more', () => {
    const wrong: string[] = [];
    for (const a of story.actors) {
      for (const spelling of [a.data.name, ...a.data.aliases].filter((s) => s.length >= 5)) {
        const found = mentionedActors(spelling, story.actors).map((x) => x.id);
        if (!found.includes(a.id)) wrong.push(`${spelling}: does not find ${a.id}`);
        const others = found.filter((id) => id !== a.id && !a.data.name.includes(story.actors.find((x) => x.id === id)!.data.name));
        if (others.length) wrong.push(`${spelling}: also finds ${others.join(', ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
  it('gives every person of Ukraine or Russia a Cyrillic spelling, and the best-known both forms', () => {
    const people = story.actors.filter(
      (a) => a.data.type === 'person' && ['Ukraine', 'Russia'].includes(a.data.affiliation),
    );
    expect(people.filter((a) => !a.data.aliases.some((x) => cyrillic.test(x))).map((a) => a.id)).toEqual([]);
    const both: Record<string, [string, string]> = {
      'volodymyr-zelenskyy': ['Володимир Зеленський', 'Владимир Зеленский'],
      'dmitry-peskov': ['Дмитро Пєсков', 'Дмитрий Песков'],
      'yuri-ushakov': ['Юрій Ушаков', 'Юрий Ушаков'],
      'rustem-umerov': ['Рустем Умєров', 'Рустем Умеров'],
    };
    for (const [id, forms] of Object.entries(both)) {
      expect(story.actors.find((a) => a.id === id)?.data.aliases).toEqual(expect.arrayContaining(forms));
    }
    expect(story.actors.find((a) => a.id === 'rustem-umerov')?.data.aliases).not.toContain('Umarov');
  });
});

describe('uncertainty that means something', () => {
  const published = story.entries.filter((e) => !e.data.draft);
  it('labels at most a fifth of the events disputed', () => {
    const disputed = published.filter((e) => e.data.confidence === 'disputed');
    expect(disputed.length / published.length).toBeLessThanOrEqual(0.2);
  });
  it('gives every uncertain entry a note, and no public text words from the research process', () => {
    // The schema requires the note; the story check warns on the words; here neither may occur.
    expect(published.filter((e) => e.data.confidence !== 'confirmed' && !e.data.confidenceNote)).toEqual([]);
    expect(story.problems.filter((p) => p.severity === 'warning').map(formatProblem)).toEqual([]);
  });
});
