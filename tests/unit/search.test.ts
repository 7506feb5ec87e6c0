import { describe, expect, it } from 'vitest';
import { actorSearchData, dateWords, entryPageText, entrySearchData, extraWords } from '../../src/lib/search';
import { mentionedActors } from '../../src/lib/names';
import {
  buildExcerpt,
  dateQuery,
  isEmptyState,
  monthsInRange,
  orderFacet,
  pagefindFilters,
  pagefindSort,
  parseState,
  serializeState,
  suggestName,
  wordCount,
} from '../../src/lib/search-state';
import { actor, entry } from './factory';
import { formatMonth, monthName } from '../../src/lib/dates';

const zel = actor('volodymyr-zelenskyy', {
  name: 'Volodymyr Zelenskyy',
  aliases: ['Zelensky', 'Zelenskiy', 'Зеленський'],
});
const erd = actor('recep-tayyip-erdogan', { name: 'Recep Tayyip Erdoğan', aliases: ['Erdogan', 'Эрдоган'] });
const witkoff = actor('steve-witkoff', { name: 'Steve Witkoff', aliases: ['Steven Witkoff', 'Witkof'] });
const costa = actor('antonio-costa', { name: 'António Costa', aliases: ['Antonio Costa'] });

describe('dateWords', () => {
  it('writes a day every way a reader may type it', () => {
    expect(dateWords('2025-05-16')).toEqual(['16 May 2025', 'May 16, 2025', '2025-05-16', 'May 2025', '2025-05']);
    expect(dateWords('2022-05-01', 'month')).toEqual(['May 2022', '2022-05']);
  });
});

describe('mentionedActors', () => {
  const all = [zel, erd, witkoff, costa];
  it.each([
    ['Volodymyr Zelenskyy said', ['volodymyr-zelenskyy']],
    ['Zelenskyy said', ['volodymyr-zelenskyy']],
    ['as Erdogan put it', ['recep-tayyip-erdogan']],
    ['https://example.org/zelensky-says-x', ['volodymyr-zelenskyy']],
    ['Witkoff and Erdoğan met', ['recep-tayyip-erdogan', 'steve-witkoff']],
    ['a coast guard', []],
    ['Zelenskyyfoo', []],
  ])('finds who "%s" names', (text, ids) => {
    expect(
      mentionedActors(text, all)
        .map((a) => a.id)
        .sort(),
    ).toEqual(ids);
  });
});

describe('extraWords', () => {
  it('keeps only phrases that add a word the page does not show', () => {
    expect(
      extraWords(
        ['Steve Witkoff', 'Steven Witkoff', 'Witkof', '2025-05-16', 'May 16, 2025'],
        'Steve Witkoff met on 16 May 2025',
      ),
    ).toBe('Steven Witkoff · Witkof · 2025-05-16');
  });
});

describe('entrySearchData', () => {
  const e = entry('2025-05-16-istanbul', {
    date: '2025-05-15',
    endDate: '2025-05-16',
    kind: 'talks',
    topics: ['prisoners'],
    place: { venue: 'Dolmabahçe Palace', city: 'Istanbul', country: 'Türkiye' },
    summary: 'Delegations met.',
  });
  const data = entrySearchData(
    e.data,
    [zel],
    { prisoners: 'Prisoners and exchanges' },
    { text: 'Erdogan hosted. Volodymyr Zelenskyy', mentioned: [erd] },
  );
  it('sets filters for type, actor, year, month, kind, topic, confidence and place', () => {
    expect(data.filters).toEqual([
      ['type', 'Event'],
      ['actor', 'Volodymyr Zelenskyy'],
      ['year', '2025'],
      ['month', '2025-05'],
      ['kind', 'Talks'],
      ['topic', 'Prisoners and exchanges'],
      ['confidence', 'Confirmed'],
      ['place', 'Istanbul'],
      ['place', 'Türkiye'],
    ]);
  });
  it('sets the sort key and the metadata shown with a result', () => {
    expect(data.sortDate).toBe('2025-05-15');
    expect(Object.fromEntries(data.meta)).toMatchObject({
      date: '2025-05-15',
      displayDate: '15–16 May 2025',
      summary: 'Delegations met.',
      actors: 'Volodymyr Zelenskyy',
    });
  });
  it('indexes every day of the range, and the aliases of listed and mentioned actors', () => {
    expect(data.words).toBe(
      '15 May 2025 · 2025-05-15 · 2025-05 · 16 May 2025 · 2025-05-16 · Dolmabahçe Palace, Istanbul, Türkiye · Zelensky · Zelenskiy · Зеленський · Recep Tayyip Erdoğan · Эрдоган',
    );
  });
  it('gives actor pages their latest day as sort key', () => {
    const a = actorSearchData(witkoff.data, '2026-01-22', 12, { text: 'He met Zelenskyy.', mentioned: [zel] });
    expect(a.sortDate).toBe('2026-01-22');
    expect(a.filters).toEqual([
      ['type', 'Person or institution'],
      ['actor', 'Steve Witkoff'],
    ]);
    expect(a.words).toContain('Zelensky');
  });
});

describe('search state in the URL', () => {
  it('round-trips query, filters, sort and range', () => {
    const s = '?q=Istanbul+talks&actor=Rustem+Umerov&actor=Hakan+Fidan&year=2025&sort=newest&from=2025-01&to=2025-06';
    const state = parseState(s);
    expect(state).toEqual({
      q: 'Istanbul talks',
      filters: { actor: ['Rustem Umerov', 'Hakan Fidan'], year: ['2025'] },
      sort: 'newest',
      from: '2025-01',
      to: '2025-06',
    });
    expect(serializeState(state)).toBe(s);
  });
  it('drops bad values and swaps a reversed range', () => {
    expect(parseState('?sort=random&from=2025-13&to=x&colour=red')).toEqual({ q: '', filters: {}, sort: 'relevance' });
    expect(parseState('?from=2025-06&to=2025-01')).toMatchObject({ from: '2025-01', to: '2025-06' });
  });
  it('knows an empty search', () => {
    expect(isEmptyState(parseState(''))).toBe(true);
    expect(isEmptyState(parseState('?place=Istanbul'))).toBe(false);
    expect(serializeState(parseState(''))).toBe('');
  });
});

describe('Pagefind query', () => {
  const months = ['2022-02', '2022-03', '2025-06', '2025-05', '2026-01', 'not-a-month'];
  it('turns facets into "any" filters and the range into months', () => {
    const state = parseState('?actor=A&actor=B&kind=Talks&from=2025-01&to=2025-12');
    expect(pagefindFilters(state, months)).toEqual({
      actor: { any: ['A', 'B'] },
      kind: { any: ['Talks'] },
      month: { any: ['2025-05', '2025-06'] },
    });
    expect(monthsInRange({ from: '2026-01' }, months)).toEqual(['2026-01']);
    expect(monthsInRange({ to: '2022-02' }, months)).toEqual(['2022-02']);
    expect(monthsInRange({}, months)).toBeUndefined();
  });
  it('matches nothing for a range without events', () => {
    expect(pagefindFilters(parseState('?from=2030-01'), months)).toEqual({ month: { any: ['none'] } });
  });
  it('sorts by date when asked', () => {
    expect(pagefindSort('newest')).toEqual({ date: 'desc' });
    expect(pagefindSort('oldest')).toEqual({ date: 'asc' });
    expect(pagefindSort('relevance')).toBeUndefined();
  });
  it('orders facet values: selected, then by count; years newest first', () => {
    expect(orderFacet('actor', { A: 1, B: 5, C: 0, D: 5 }, ['A'])).toEqual([
      ['A', 1],
      ['B', 5],
      ['D', 5],
    ]);
    expect(orderFacet('year', { '2022': 9, '2025': 1 }, []).map(([y]) => y)).toEqual(['2025', '2022']);
  });
});

describe('no-results help and excerpts', () => {
  const names = ['Steve Witkoff', 'Volodymyr Zelenskyy', 'Recep Tayyip Erdoğan'];
  it('suggests the nearest name for a misspelling', () => {
    expect(suggestName('Witkov', names)).toBe('Steve Witkoff');
    expect(suggestName('zelenskky', names)).toBe('Volodymyr Zelenskyy');
    expect(suggestName('weather', names)).toBeUndefined();
  });
  it('builds an excerpt around the first match in the page text, never in its extra words', () => {
    const content = 'one two three four five six Witkoff eight nine ten Witkof Steven Witkoff';
    const extra = wordCount('Witkof Steven Witkoff');
    const parts = buildExcerpt(content, [6, 10, 12], extra, 2);
    expect(parts).toEqual([
      { text: '… six ', mark: false },
      { text: 'Witkoff', mark: true },
      { text: ' eight nine …', mark: false },
    ]);
    expect(buildExcerpt('a b c Witkof', [3], 1, 4)).toEqual([]);
  });
});

describe('dateQuery', () => {
  it.each([
    ['16 May 2025', '2025-05-16'],
    ['May 16, 2025', '2025-05-16'],
    ['may 16 2025', '2025-05-16'],
    ['2025-05-16', '2025-05-16'],
    ['May 2025', '2025-05'],
    ['5 Foo 2025', '5 Foo 2025'],
    ['Witkoff May 2025', 'Witkoff May 2025'],
    ['32 May 2025', '32 May 2025'],
  ])('%s → %s', (q, expected) => expect(dateQuery(q)).toBe(expected));
  it('reads every month as the dates module writes it, in any case', () => {
    for (let m = 1; m <= 12; m++) {
      const key = `2025-${String(m).padStart(2, '0')}`;
      expect(dateQuery(formatMonth(2025, m))).toBe(key);
      expect(dateQuery(`${monthName(m).toUpperCase()} 2025`)).toBe(key);
    }
  });
});

describe('entryPageText', () => {
  it('joins what the entry page shows, with a source URL where the source has no title', () => {
    const e = entry('2025-05-16-a', {
      summary: 'S.',
      confidenceNote: 'N.',
      sources: [
        { outlet: 'O', url: 'https://x.org/zelensky-says' },
        { outlet: 'P', title: 'T', url: 'https://y.org' },
      ],
    });
    expect(entryPageText(e.data, 'Body.')).toBe('Entry 2025-05-16-a S. Body. N. https://x.org/zelensky-says T');
  });
});

describe('entrySearchData with an uncertain entry', () => {
  it('carries the confidence level as a filter, and an unconfirmed part in the result', () => {
    const e = entry('2025-05-16-a', {
      actors: ['zel', 'kel'],
      confidence: 'detail-unconfirmed',
      confidenceNote: 'Whether Kellogg attended is not confirmed.',
      unconfirmedActors: ['kel'],
    });
    const people = [
      actor('zel', { name: 'Volodymyr Zelenskyy' }),
      actor('kel', { name: 'Keith Kellogg', affiliation: 'United States' }),
    ];
    const data = entrySearchData(e.data, people, {});
    expect(data.filters).toContainEqual(['confidence', 'Detail unconfirmed']);
    expect(Object.fromEntries(data.meta).actors).toBe('Volodymyr Zelenskyy, Keith Kellogg (part not confirmed)');
  });
});
