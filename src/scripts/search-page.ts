/**
 * The search page's script: shows the best-match card for a name at once, loads Pagefind's bundle
 * (preloaded by the page's head), runs the search that the URL describes, and renders each result as
 * soon as its fragment arrives, then the facet counts. The state lives in the URL: a new query pushes
 * a history entry, a filter or order change replaces it; Back from a result restores the results
 * and the scroll position (kept in history.state).
 */
import {
  FILTER_LABELS,
  activeFilterCount,
  buildExcerpt,
  dateQuery,
  dateSummary,
  effectiveSort,
  FACETS,
  RESULT_TYPES,
  isDateSearch,
  isEmptyState,
  isoDate,
  orderFacet,
  pagefindFilters,
  pagefindSort,
  parseState,
  serializeState,
  suggestName,
  type FacetName,
  type SearchState,
  type Sort,
} from '../lib/search-state';
import { bestMatch, mayNameActor, unpackIndex, type BestMatchIndex, type PackedIndex } from '../lib/best-match';
import { plural } from '../lib/labels';

interface PagefindResult {
  id: string;
  data: () => Promise<{
    url: string;
    excerpt: string;
    content: string;
    locations: number[];
    meta: Record<string, string>;
  }>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, o: Record<string, unknown>) => Promise<PagefindResponse | null>;
  preload: (q: string | null, o: Record<string, unknown>) => Promise<void>;
}
/** What the page keeps in history.state to come back to a search as the reader left it. */
interface Saved {
  scrollY?: number;
  shown?: number;
}

const PAGE_SIZE = 10;
const FACET_PREVIEW = 8;

/** Builds an element with text and attributes. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** The excerpt of a result as text nodes and <mark> elements (never HTML). */
function excerptNodes(content: string, locations: number[], extra: number): HTMLElement[] {
  const parts = buildExcerpt(content, locations, extra);
  if (parts.length === 0) return [];
  const holder = el('p', { class: 'excerpt' });
  for (const part of parts) holder.append(part.mark ? el('mark', {}, part.text) : part.text);
  return [holder];
}

/** Pagefind on its way: `started` once it has begun to load its files, `ready` with its API (see loadPagefind). */
export interface PagefindLoad {
  started: Promise<void>;
  ready: Promise<Pagefind | undefined>;
}

/**
 * Starts Pagefind: its bundle and index metadata (preloaded by the page's head). `ready` resolves to its
 * API, or to undefined where there is no index (`astro dev`) or it fails to load. The page calls this
 * first and waits for `started` before any work of its own, so that Pagefind's start-up does not queue
 * behind the page's: the two share one thread.
 */
export function loadPagefind(root: HTMLElement): PagefindLoad {
  let begun = () => {};
  const started = new Promise<void>((done) => (begun = done));
  const ready = (async () => {
    try {
      if (root.dataset.dev) return undefined;
      const base = root.dataset.base ?? '/';
      const baseSlash = base.endsWith('/') ? base : `${base}/`;
      const pagefind = (await import(/* @vite-ignore */ `${baseSlash}pagefind/pagefind.js`)) as Pagefind;
      // noWorker: the search runs on the page, which saves loading Pagefind's worker script (about 43 kB).
      // metaCacheTag: the index hash the build put in the entry file's preload link, so that link is used.
      const tag = document.querySelector<HTMLLinkElement>('link[data-pagefind-tag]')?.dataset.pagefindTag;
      await pagefind.options({
        baseUrl: baseSlash,
        excerptLength: 24,
        noWorker: true,
        ...(tag ? { metaCacheTag: tag } : {}),
      });
      // init() sends the first request at once and resolves before the files are in; search waits for them.
      const init = pagefind.init();
      begun();
      await init;
      return pagefind;
    } catch {
      return undefined;
    } finally {
      begun();
    }
  })();
  return { started, ready };
}

/** How often Pagefind looks whether its WebAssembly is ready, when a search is asked for before then. */
const PAGEFIND_POLL_MS = 50;
/** How many looks of our own share that interval (see whenSearchable). */
const LOOKS = 4;

/**
 * Resolves once Pagefind can run the first search, having begun to load the index chunks (and filter
 * chunks) it needs. A search asked for before Pagefind's WebAssembly is ready waits for Pagefind's next
 * look, every 50 ms, so up to 50 ms after it was ready. `preload` (Pagefind's API for loading a query's
 * chunks early) waits the same way; started four times, 12.5 ms apart, the first of them to find
 * Pagefind ready starts the chunks loading, and the search that follows starts at most about 12 ms late.
 */
export function whenSearchable(
  pagefind: Pagefind,
  term: string | null,
  options: Record<string, unknown>,
): Promise<void> {
  return new Promise((done) => {
    const looks: ReturnType<typeof setTimeout>[] = [];
    const ready = () => {
      looks.forEach(clearTimeout);
      done();
    };
    for (let i = 0; i < LOOKS; i++) {
      looks.push(
        setTimeout(() => void pagefind.preload(term, options).then(ready, ready), (i * PAGEFIND_POLL_MS) / LOOKS),
      );
    }
  });
}

/** Starts the search page inside its root element, once Pagefind has started (see loadPagefind). */
export async function startSearchPage(root: HTMLElement, pagefindLoad: PagefindLoad): Promise<void> {
  await pagefindLoad.started;
  const [first = '2000-01', last = first] = (root.dataset.span ?? '').split(' ');
  const span = { first, last };
  const form = root.querySelector<HTMLFormElement>('form')!;
  const q = form.querySelector<HTMLInputElement>('#q')!;
  const sort = root.querySelector<HTMLSelectElement>('#sort')!;
  const range = (name: string) => root.querySelector<HTMLSelectElement>(`[data-range="${name}"]`)!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const best = root.querySelector<HTMLElement>('[data-best]')!;
  const facets = root.querySelector<HTMLElement>('[data-facets]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;
  const filterBox = root.querySelector<HTMLDetailsElement>('[data-filters]')!;
  const filterCount = root.querySelector<HTMLElement>('[data-filter-count]')!;
  const packed = JSON.parse(
    document.getElementById('search-names')?.textContent ?? '{"href":"","actors":[]}',
  ) as PackedIndex;
  // Every name key is derived only when a query may be a name (or for the near-miss check after the results).
  let unpacked: BestMatchIndex | undefined;
  const names = () => (unpacked ??= unpackIndex(packed));

  // The filters stand open beside the results on wide screens and fold under them on small ones. They
  // open once the first page of results is drawn (showFilters), so that laying out their four selects and
  // their options does not come before the first result.
  const wide = window.matchMedia('(min-width: 48.01rem)');
  let filtersShown = false;
  const showFilters = () => {
    if (!filtersShown) filterBox.open = wide.matches;
    filtersShown = true;
  };
  filterBox.querySelector('summary')?.addEventListener('click', () => (filtersShown = true));
  wide.addEventListener('change', () => (filterBox.open = wide.matches));
  // The page scrolls back itself, once the results it had are there again.
  history.scrollRestoration = 'manual';

  const say = (text: string) => {
    status.textContent = text;
  };

  let state = parseState(location.search);
  let run = 0;
  let restore = (history.state ?? undefined) as Saved | undefined;
  /** The actor page the best-match card shows; the result list does not repeat it. */
  let cardHref: string | undefined;
  /** The name on the card, if one is shown. */
  let cardName: string | undefined;

  const remember = () => {
    const list = results.querySelector('.result-list');
    const saved: Saved = { scrollY: Math.round(window.scrollY), shown: list?.childElementCount ?? 0 };
    history.replaceState({ ...(history.state as object | null), ...saved }, '');
  };
  results.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) remember();
  });
  best.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) remember();
  });
  window.addEventListener('pagehide', remember);

  /** Applies a new state: a new query pushes a history entry, a filter or order change replaces it. */
  const go = (next: SearchState, mode: 'push' | 'replace' | 'none') => {
    state = next;
    const href = `${location.pathname}${serializeState(state)}`;
    if (mode === 'push') history.pushState(null, '', href);
    if (mode === 'replace') history.replaceState(null, '', href);
    void render();
  };

  const readRange = (end: 'from' | 'to'): string | undefined => {
    const year = range(`${end}-year`).value;
    const month = range(`${end}-month`).value;
    return year ? `${year}-${month || (end === 'from' ? '01' : '12')}` : undefined;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ ...state, q: q.value.trim() }, 'push');
  });
  sort.addEventListener('change', () => {
    const next: SearchState = { ...state };
    delete next.sort;
    if (sort.value !== effectiveSort(next)) next.sort = sort.value as Sort;
    go(next, 'replace');
  });
  for (const end of ['from', 'to'] as const) {
    for (const part of ['year', 'month']) {
      range(`${end}-${part}`).addEventListener('change', () => {
        const next: SearchState = { ...state };
        delete next.from;
        delete next.to;
        const from = readRange('from');
        const to = readRange('to');
        if (from) next.from = from;
        if (to) next.to = to;
        go(parseState(serializeState(next)), 'replace');
      });
    }
  }
  window.addEventListener('popstate', (event) => {
    restore = (event.state ?? undefined) as Saved | undefined;
    go(parseState(location.search), 'none');
  });

  function toggle(name: FacetName, value: string, on: boolean) {
    const current = new Set(state.filters[name] ?? []);
    if (on) current.add(value);
    else current.delete(value);
    const filters = { ...state.filters, [name]: [...current] };
    if (!filters[name]?.length) delete filters[name];
    go({ ...state, filters }, 'replace');
  }

  function renderFacets(counts: Record<string, Record<string, number>>) {
    const groups: HTMLElement[] = [];
    for (const name of FACETS) {
      const selected = state.filters[name] ?? [];
      const values = orderFacet(name, counts[name] ?? {}, selected);
      if (values.length === 0) continue;
      const list = el('ul');
      const extra = el('ul');
      values.forEach(([value, count], i) => {
        const id = `f-${name}-${i}`;
        const box = el('input', { type: 'checkbox', id, name, value });
        box.checked = selected.includes(value);
        box.addEventListener('change', () => toggle(name, value, box.checked));
        const item = el('li', {}, box, el('label', { for: id }, value, el('span', { class: 'count' }, ` (${count})`)));
        (i < FACET_PREVIEW || selected.includes(value) ? list : extra).append(item);
      });
      const fieldset = el('fieldset', { class: 'facet' }, el('legend', {}, FILTER_LABELS[name]), list);
      if (extra.childElementCount > 0) {
        fieldset.append(el('details', {}, el('summary', {}, `${extra.childElementCount} more`), extra));
      }
      groups.push(fieldset);
    }
    facets.replaceChildren(...groups);
  }

  /**
   * The card of the actor the query names, if any: an exact name at once, before Pagefind has answered;
   * a near miss (which compares the query with every name) once the results are shown.
   */
  function renderBest(nearMiss = false) {
    const match =
      state.q && !isoDate(state.q) && (nearMiss || mayNameActor(state.q, packed))
        ? bestMatch(state.q, names(), nearMiss)
        : undefined;
    cardHref = match?.actor.href;
    cardName = match?.actor.name;
    if (!match) return void best.replaceChildren();
    const { actor } = match;
    const events = serializeState({
      q: '',
      filters: { actor: [actor.name], type: [RESULT_TYPES.entry] },
      sort: 'newest',
    });
    best.replaceChildren(
      el(
        'article',
        { class: 'best-match' },
        el('p', { class: 'card-meta' }, el('span', { class: 'kind' }, match.nearMiss ? 'Did you mean' : 'Best match')),
        el('h3', { class: 'card-title' }, el('a', { href: actor.href }, actor.name)),
        ...(actor.role ? [el('p', { class: 'role' }, actor.role)] : []),
        el(
          'p',
          {},
          actor.events
            ? el(
                'a',
                { href: `${location.pathname}${events}` },
                `All ${plural(actor.events, 'event')} with ${actor.name}`,
              )
            : 'No events yet',
        ),
      ),
    );
  }

  function emptyHelp(): HTMLElement {
    const link = (label: string, query: string) => el('a', { href: `${location.pathname}${query}` }, label);
    return el(
      'div',
      { class: 'search-help' },
      el('p', {}, 'Search the whole story by a person’s name (in any spelling), a place, a date, or any words.'),
      el(
        'ul',
        {},
        el('li', {}, link('Everything about Witkoff', '?q=Witkoff')),
        el('li', {}, link('What happened on 16 May 2025', '?q=16+May+2025')),
        el('li', {}, link('Everything in Istanbul', '?place=Istanbul')),
        el('li', {}, link('Prisoner exchanges, newest first', '?kind=Exchange&sort=newest')),
      ),
    );
  }

  function noResultsHelp(): HTMLElement {
    const help = el('div', { class: 'search-help' }, el('p', {}, 'Nothing matches this search.'));
    const tips = el('ul');
    const name =
      state.q && !best.childElementCount
        ? suggestName(
            state.q,
            names().actors.map((a) => a.name),
          )
        : undefined;
    if (name) {
      tips.append(
        el(
          'li',
          {},
          'Did you mean ',
          el('a', { href: `${location.pathname}${serializeState({ ...state, q: name })}` }, name),
          '?',
        ),
      );
    }
    if (Object.keys(state.filters).length) {
      tips.append(
        el(
          'li',
          {},
          el('a', { href: `${location.pathname}${serializeState({ ...state, filters: {} })}` }, 'Remove the filters'),
        ),
      );
    }
    if (state.from || state.to) {
      const { from: _f, to: _t, ...rest } = state;
      tips.append(el('li', {}, el('a', { href: `${location.pathname}${serializeState(rest)}` }, 'Search all dates')));
    }
    tips.append(el('li', {}, 'Try a person’s surname, a city, a year, or fewer words.'));
    help.append(tips);
    return help;
  }

  async function renderResult(result: PagefindResult): Promise<Node[]> {
    const data = await result.data();
    if (data.url === cardHref) return [];
    const m = data.meta;
    const isActor = m.type === RESULT_TYPES.actor;
    return [
      el(
        'article',
        { class: `search-result${isActor ? ' is-actor' : ''}` },
        el(
          'p',
          { class: 'card-meta' },
          ...(m.displayDate ? [el('time', { datetime: m.date ?? '' }, m.displayDate)] : []),
          el('span', { class: 'kind' }, isActor ? RESULT_TYPES.actor : (m.kind ?? '')),
        ),
        el('h3', { class: 'card-title' }, el('a', { href: data.url }, m.title ?? data.url)),
        ...(m.summary ? [el('p', { class: 'summary' }, m.summary)] : []),
        ...excerptNodes(data.content, data.locations, Number(m.extra ?? 0)),
        ...(m.actors ? [el('p', { class: 'result-actors' }, m.actors)] : []),
      ),
    ];
  }

  /** Puts the state into the form controls (after a load, Back or a link). */
  function syncControls() {
    q.value = state.q;
    sort.value = effectiveSort(state);
    for (const end of ['from', 'to'] as const) {
      const value = state[end] ?? '';
      range(`${end}-year`).value = value.slice(0, 4);
      range(`${end}-month`).value = value.slice(5, 7);
    }
    filterCount.textContent = `(${activeFilterCount(state)})`;
  }

  const title = document.title;

  const loading = pagefindLoad.ready.then((pagefind) => {
    if (!pagefind) {
      say('');
      results.replaceChildren(
        el(
          'p',
          { class: 'notice' },
          'Search works on the built site only: run "npm run build", then "npm run preview". In the meantime, browse by date or by person.',
        ),
      );
    }
    return pagefind;
  });

  /** Whether a search has run yet: only the first waits for Pagefind to be ready (whenSearchable). */
  let searched = false;

  async function render() {
    const mine = ++run;
    syncControls();
    renderBest();
    document.title = state.q ? `${state.q} · Search · ${title.split(' · ').pop()}` : title;
    if (isEmptyState(state)) {
      say('');
      facets.replaceChildren();
      results.replaceChildren(emptyHelp());
      showFilters();
      return;
    }
    say('Searching…');
    const pagefind = await loading;
    if (!pagefind) showFilters();
    if (!pagefind || mine !== run) return;
    const sortOption = pagefindSort(effectiveSort(state));
    const term = state.q ? dateQuery(state.q) : null;
    // With the person's card on top, the list answers "what did they do": their events.
    const eventsOnly = isDateSearch(state) || cardHref !== undefined;
    const options = {
      filters: pagefindFilters(state, span, eventsOnly),
      ...(sortOption ? { sort: sortOption } : {}),
    };
    if (!searched) await whenSearchable(pagefind, term, options);
    searched = true;
    const response = await pagefind.search(term, options);
    if (mine !== run || !response) return;
    const found = response.results;
    const what = state.q ? ` for “${state.q}”` : '';
    const eventCount = state.filters.type ? undefined : eventsOnly;
    say(
      eventCount && isDateSearch(state)
        ? `${dateSummary(state, found.length)}.`
        : found.length === 0
          ? `No results${what}.`
          : cardName !== undefined && eventCount && isEmptyState({ ...state, q: '' })
            ? // Under a person's card, unfiltered: every event whose text names them, which may be more than
              // the card's count of the events they are tagged in.
              `${plural(found.length, 'event')} ${found.length === 1 ? 'mentions' : 'mention'} ${cardName}.`
            : `${plural(found.length, eventCount ? 'event' : 'result')}${what}.`,
    );
    if (found.length === 0) {
      if (!cardHref) renderBest(true);
      results.replaceChildren(noResultsHelp());
    } else {
      const list = el('ol', { class: 'result-list' });
      results.replaceChildren(list);
      let shown = 0;
      const more = el('button', { type: 'button', class: 'more-results' }, 'Show more results');
      // Each result is drawn as soon as its own fragment arrives, in its place in the list.
      const showNext = async () => {
        const batch = found.slice(shown, shown + PAGE_SIZE);
        shown += batch.length;
        const items = batch.map(() => el('li'));
        list.append(...items);
        const fill = async (result: PagefindResult, i: number) => {
          const nodes = await renderResult(result);
          if (mine !== run) return;
          items[i]!.append(...nodes);
          items[i]!.hidden = nodes.length === 0;
        };
        // The first result's fragment alone first, so it does not share the line with nine others;
        // then the rest of the batch, each drawn as it arrives.
        const start = shown === batch.length ? 1 : 0;
        if (start) await fill(batch[0]!, 0);
        await Promise.all(batch.slice(start).map((result, i) => fill(result, i + start)));
        if (mine !== run) return;
        if (shown < found.length) results.append(more);
        else more.remove();
      };
      more.addEventListener('click', () => {
        const next = list.childElementCount;
        void showNext().then(() => list.children[next]?.querySelector('a')?.focus());
      });
      await showNext();
      const want = restore?.shown ?? 0;
      while (mine === run && shown < Math.min(want, found.length)) await showNext();
    }
    if (mine !== run) return;
    showFilters();
    if (!cardHref) renderBest(true);
    if (restore?.scrollY !== undefined) window.scrollTo(0, restore.scrollY);
    restore = undefined;
    // The facet counts come after the results: they need every filter file, which the results do not.
    await pagefind.filters();
    const counted = await pagefind.search(term, options);
    if (mine !== run || !counted) return;
    renderFacets(counted.filters);
  }

  await render();
}
