/**
 * The search page's script: loads Pagefind's bundle, runs the search that the URL describes, and
 * renders results, facets and help. Every change goes into the URL (pushState), so a search can be
 * shared, reloaded, and restored with Back.
 */
import {
  FILTER_LABELS,
  buildExcerpt,
  dateQuery,
  FACETS,
  MONTH_FILTER,
  RESULT_TYPES,
  isEmptyState,
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

/** Starts the search page inside its root element. */
export async function startSearchPage(root: HTMLElement): Promise<void> {
  const base = root.dataset.base ?? '/';
  const baseSlash = base.endsWith('/') ? base : `${base}/`;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const q = form.querySelector<HTMLInputElement>('#q')!;
  const sort = form.querySelector<HTMLSelectElement>('#sort')!;
  const from = form.querySelector<HTMLInputElement>('#from')!;
  const to = form.querySelector<HTMLInputElement>('#to')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const facets = root.querySelector<HTMLElement>('[data-facets]')!;
  const results = root.querySelector<HTMLElement>('[data-results]')!;

  const say = (text: string) => {
    status.textContent = text;
  };

  let pagefind: Pagefind;
  try {
    if (root.dataset.dev) throw new Error('dev');
    pagefind = (await import(/* @vite-ignore */ `${baseSlash}pagefind/pagefind.js`)) as Pagefind;
    // noWorker: the search runs on the page, which saves loading Pagefind's worker script (about 43 kB).
    await pagefind.options({ baseUrl: baseSlash, excerptLength: 24, noWorker: true });
    await pagefind.init();
  } catch {
    say('');
    results.replaceChildren(
      el(
        'p',
        { class: 'notice' },
        'Search works on the built site only: run "npm run build", then "npm run preview". In the meantime, browse by date or by person.',
      ),
    );
    return;
  }
  const all = await pagefind.filters();
  const months = Object.keys(all[MONTH_FILTER] ?? {});
  const actorNames = Object.keys(all.actor ?? {});

  let state = parseState(location.search);
  let run = 0;

  const go = (next: SearchState, push = true) => {
    state = next;
    if (push) history.pushState(null, '', `${location.pathname}${serializeState(state)}`);
    void render();
  };

  const readForm = (): SearchState => {
    const next: SearchState = { ...state, q: q.value.trim(), sort: sort.value as Sort };
    delete next.from;
    delete next.to;
    if (from.value) next.from = from.value;
    if (to.value) next.to = to.value;
    return parseState(serializeState(next));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(readForm());
  });
  for (const input of [sort, from, to]) input.addEventListener('change', () => go(readForm()));
  window.addEventListener('popstate', () => go(parseState(location.search), false));

  function toggle(name: FacetName, value: string, on: boolean) {
    const current = new Set(state.filters[name] ?? []);
    if (on) current.add(value);
    else current.delete(value);
    const filters = { ...state.filters, [name]: [...current] };
    if (!filters[name]?.length) delete filters[name];
    go({ ...state, filters });
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
    facets.replaceChildren(...(groups.length ? [el('h2', { class: 'facets-title' }, 'Refine'), ...groups] : []));
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
    const name = state.q ? suggestName(state.q, actorNames) : undefined;
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

  async function renderResult(result: PagefindResult): Promise<HTMLElement> {
    const data = await result.data();
    const m = data.meta;
    const isActor = m.type === RESULT_TYPES.actor;
    return el(
      'li',
      {},
      el(
        'article',
        { class: `search-result${isActor ? ' is-actor' : ''}` },
        el(
          'p',
          { class: 'card-meta' },
          ...(m.displayDate ? [el('span', {}, m.displayDate)] : []),
          el('span', { class: 'kind' }, isActor ? RESULT_TYPES.actor : (m.kind ?? '')),
        ),
        el('h3', { class: 'card-title' }, el('a', { href: data.url }, m.title ?? data.url)),
        ...(m.summary ? [el('p', { class: 'summary' }, m.summary)] : []),
        ...excerptNodes(data.content, data.locations, Number(m.extra ?? 0)),
        ...(m.actors ? [el('p', { class: 'result-actors' }, m.actors)] : []),
      ),
    );
  }

  async function render() {
    const mine = ++run;
    q.value = state.q;
    sort.value = state.sort;
    from.value = state.from ?? '';
    to.value = state.to ?? '';
    document.title = state.q ? `${state.q} · Search · ${document.title.split(' · ').pop()}` : document.title;
    if (isEmptyState(state)) {
      say('');
      facets.replaceChildren();
      results.replaceChildren(emptyHelp());
      return;
    }
    say('Searching…');
    const sortOption = pagefindSort(state.sort);
    const response = await pagefind.search(state.q ? dateQuery(state.q) : null, {
      filters: pagefindFilters(state, months),
      ...(sortOption ? { sort: sortOption } : {}),
    });
    if (mine !== run || !response) return;
    const found = response.results;
    const what = state.q ? ` for “${state.q}”` : '';
    say(found.length === 0 ? `No results${what}.` : `${plural(found.length, 'result')}${what}.`);
    renderFacets(response.filters);
    if (found.length === 0) {
      results.replaceChildren(noResultsHelp());
      return;
    }
    const list = el('ol', { class: 'result-list' });
    results.replaceChildren(list);
    let shown = 0;
    const more = el('button', { type: 'button', class: 'more-results' }, 'Show more results');
    const showNext = async () => {
      const batch = found.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      const items = await Promise.all(batch.map(renderResult));
      if (mine !== run) return;
      list.append(...items);
      if (shown < found.length) results.append(more);
      else more.remove();
    };
    more.addEventListener('click', () => {
      const next = list.childElementCount;
      void showNext().then(() => list.children[next]?.querySelector('a')?.focus());
    });
    await showNext();
  }

  await render();
}
