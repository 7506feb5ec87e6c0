import { describe, expect, it } from 'vitest';
import { actorSearchData, dateWords, entryPageText, entrySearchData, extraWords } from '../../src/lib/search';
import { mentionedActors } from '../../src/lib/names';
import { bestMatch, bestMatchIndex, mayNameActor, packIndex, unpackIndex } from '../../src/lib/best-match';
import {
  activeFilterCount,
  buildExcerpt,
  dateQuery,
  dateSummary,
  effectiveSort,
  isDateSearch,
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
    expect(parseState('?sort=random&from=2025-13&to=x&colour=red')).toEqual({ q: '', filters: {} });
    expect(parseState('?q=x&sort=relevance')).toEqual({ q: 'x', filters: {}, sort: 'relevance' });
    expect(parseState('?from=2025-06&to=2025-01')).toMatchObject({ from: '2025-01', to: '2025-06' });
  });
  it('knows an empty search', () => {
    expect(isEmptyState(parseState(''))).toBe(true);
    expect(isEmptyState(parseState('?place=Istanbul'))).toBe(false);
    expect(serializeState(parseState(''))).toBe('');
  });
});

describe('Pagefind query', () => {
  const span = { first: '2022-02', last: '2026-01' };
  it('turns facets into "any" filters and the range into months', () => {
    const state = parseState('?q=talks&actor=A&actor=B&kind=Talks&from=2025-05&to=2025-07');
    expect(pagefindFilters(state, span)).toEqual({
      actor: { any: ['A', 'B'] },
      kind: { any: ['Talks'] },
      month: { any: ['2025-05', '2025-06', '2025-07'] },
    });
    expect(monthsInRange({ from: '2025-11' }, span)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsInRange({ to: '2022-03' }, span)).toEqual(['2022-02', '2022-03']);
    expect(monthsInRange({}, span)).toBeUndefined();
  });
  it('matches nothing for a range without events', () => {
    expect(pagefindFilters(parseState('?from=2030-01'), span)).toEqual({
      type: { any: ['Event'] },
      month: { any: ['none'] },
    });
  });
  it('lists events only for a date or a range alone, unless the reader chose a type', () => {
    expect(pagefindFilters(parseState('?q=May+2025'), span)).toEqual({ type: { any: ['Event'] } });
    expect(pagefindFilters(parseState('?from=2025-05&to=2025-05'), span)).toEqual({
      type: { any: ['Event'] },
      month: { any: ['2025-05'] },
    });
    expect(pagefindFilters(parseState('?q=May+2025&type=Person+or+institution'), span)).toEqual({
      type: { any: ['Person or institution'] },
    });
    expect(pagefindFilters(parseState('?q=Witkoff'), span)).toEqual({});
  });
  it('orders a date search oldest first, unless the reader chose an order', () => {
    expect(effectiveSort(parseState('?q=16+May+2025'))).toBe('oldest');
    expect(effectiveSort(parseState('?from=2025-08&to=2025-08'))).toBe('oldest');
    expect(effectiveSort(parseState('?q=16+May+2025&sort=relevance'))).toBe('relevance');
    expect(effectiveSort(parseState('?q=Witkoff'))).toBe('relevance');
    expect(effectiveSort(parseState('?q=Witkoff+May+2025'))).toBe('relevance');
    expect(isDateSearch(parseState('?q=Witkoff&from=2025-01'))).toBe(false);
  });
  it('says how many events a date search found, and when', () => {
    expect(dateSummary(parseState('?from=2025-08&to=2025-08'), 6)).toBe('6 events in August 2025');
    expect(dateSummary(parseState('?q=May+2025'), 1)).toBe('1 event in May 2025');
    expect(dateSummary(parseState('?q=May+16,+2025'), 3)).toBe('3 events on 16 May 2025');
    expect(dateSummary(parseState('?from=2025-06&to=2025-08'), 12)).toBe('12 events from June 2025 to August 2025');
    expect(dateSummary(parseState('?from=2025-06'), 2)).toBe('2 events since June 2025');
    expect(dateSummary(parseState('?from=2025-01&to=2025-12'), 40)).toBe('40 events in 2025');
    expect(dateSummary(parseState('?to=2025-06'), 0)).toBe('0 events until June 2025');
  });
  it('counts the filters the reader chose, the range as one', () => {
    expect(activeFilterCount(parseState('?q=x&actor=A&actor=B&kind=Talks&from=2025-01&to=2025-02'))).toBe(4);
    expect(activeFilterCount(parseState('?q=x'))).toBe(0);
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
    ['2025-13', '2025-13'],
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

describe('best match', () => {
  const card = (name: string, events: number) => ({ name, events, href: `/actors/${name}/` });
  const people = [
    { ...zel, card: card('Volodymyr Zelenskyy', 97) },
    { ...erd, card: card('Recep Tayyip Erdoğan', 5) },
    { ...witkoff, card: card('Steve Witkoff', 40) },
    { ...costa, card: card('António Costa', 3) },
    { ...actor('michael-anton', { name: 'Michael Anton' }), card: card('Michael Anton', 1) },
    { ...actor('anton-siluanov', { name: 'Anton Siluanov' }), card: card('Anton Siluanov', 1) },
    { ...actor('un', { name: 'United Nations', type: 'institution', aliases: ['UN'] }), card: card('UN', 2) },
  ];
  const index = bestMatchIndex(people);
  it.each([
    ['Zelenskiy', 'Volodymyr Zelenskyy'],
    ['zelensky', 'Volodymyr Zelenskyy'],
    ['Zelenskyy', 'Volodymyr Zelenskyy'],
    ['Зеленський', 'Volodymyr Zelenskyy'],
    ['  VOLODYMYR   zelenskyy ', 'Volodymyr Zelenskyy'],
    ['Erdogan', 'Recep Tayyip Erdoğan'],
    ['Erdoğan', 'Recep Tayyip Erdoğan'],
    ['Эрдоган', 'Recep Tayyip Erdoğan'],
    ['Antonio Costa', 'António Costa'],
    ['Witkoff', 'Steve Witkoff'],
    ['Steven Witkoff', 'Steve Witkoff'],
    ['un', 'UN'],
    ['Siluanov', 'Anton Siluanov'],
  ])('reads "%s" as %s', (query, name) => {
    expect(bestMatch(query, index)).toEqual({ actor: people.find((p) => p.card.name === name)!.card });
  });
  it('is carried packed in the page and unpacked to the same keys and cards', () => {
    const packed = packIndex(
      people.map((p) => ({ id: p.id, data: p.data, role: p.card.name === 'UN' ? 'Body' : undefined, events: 1 })),
      '/base/actors/{}/',
    );
    expect(packed.actors[0]).toEqual([
      'volodymyr-zelenskyy',
      'Volodymyr Zelenskyy',
      'p',
      '',
      1,
      'Zelensky',
      'Zelenskiy',
      'Зеленський',
    ]);
    const index = unpackIndex(JSON.parse(JSON.stringify(packed)));
    expect(index.keys).toEqual(bestMatchIndex(people).keys);
    expect(index.actors[6]).toEqual({ name: 'United Nations', role: 'Body', events: 1, href: '/base/actors/un/' });
  });
  it('says a query may be a name for every key it finds, and not for other words (mayNameActor)', () => {
    const packed = packIndex(
      people.map((p) => ({ id: p.id, data: p.data, events: 1 })),
      '/actors/{}/',
    );
    const keys = Object.keys(unpackIndex(packed).keys);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(mayNameActor(key, packed), key).toBe(true);
    for (const q of ['Zelenskiy', 'Зеленський', 'Erdoğan', 'Эрдоган', 'Antonio Costa', '  VOLODYMYR   zelenskyy ']) {
      expect(mayNameActor(q, packed), q).toBe(true);
    }
    for (const q of ['ceasefire', 'talks', 'May 2025', '', '!!']) expect(mayNameActor(q, packed), q).toBe(false);
  });
  it('finds a Latin word in a name written only in accented letters, and a Cyrillic one in Cyrillic names (mayNameActor)', () => {
    const packed = packIndex(
      [
        actor('eoe', { name: 'Éöé Ùüù', aliases: ['Ǽ', 'Ẁẃ'] }),
        actor('zelensky-ua', { name: 'Зеленський', aliases: ['Зеленский'] }),
      ].map((p) => ({ id: p.id, data: p.data, events: 1 })),
      '/actors/{}/',
    );
    for (const q of ['eoe', 'uuu', 'ww', 'Зеленський', 'зеленский']) expect(mayNameActor(q, packed), q).toBe(true);
    for (const q of ['ceasefire', 'ae']) expect(mayNameActor(q, packed), q).toBe(false);
  });
  it('takes a near miss through the did-you-mean, and nothing else', () => {
    expect(bestMatch('Witkof', index)?.actor.name).toBe('Steve Witkoff');
    expect(bestMatch('Witkov', index)).toEqual({ actor: people[2]!.card, nearMiss: 'witkof' });
    expect(bestMatch('Zelenskky', index)?.actor.name).toBe('Volodymyr Zelenskyy');
    expect(bestMatch('Zelenskky', index, false)).toBeUndefined();
    expect(bestMatch('Zelenskiy', index, false)?.actor.name).toBe('Volodymyr Zelenskyy');
    for (const q of ['Anton', 'ceasefire', 'talks', 'May 2025', 'Witkoff Istanbul', '', 'Zel']) {
      expect(bestMatch(q, index)).toBeUndefined();
    }
  });
});
