/**
 * The actor index: for each actor, the entries they appear in, their first and last appearance,
 * and the actors they appear with most often; and the actors grouped by affiliation.
 */
import { compareEntries, type EntryLike } from './timeline';
import type { ActorData } from './schema';
import { formatPartialDate, partialDateSpan } from './dates';

/** The least an actor must have for the index: its id and data. */
export interface ActorLike {
  id: string;
  data: ActorData;
}

/** Another actor and how many entries the two share. */
export interface CoAppearance<A> {
  actor: A;
  count: number;
}

/** Everything the site shows about one actor's part in the story. */
export interface ActorRecord<A, T> {
  actor: A;
  /** The actor's entries in story order. */
  entries: T[];
  first?: T;
  last?: T;
  /** Actors who share entries with this one, most shared first, then by name. */
  coActors: CoAppearance<A>[];
}

/** Builds the index of every actor (actors without entries get an empty record). */
export function buildActorIndex<A extends ActorLike, T extends EntryLike>(
  actors: readonly A[],
  entries: readonly T[],
): Map<string, ActorRecord<A, T>> {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const index = new Map<string, ActorRecord<A, T>>();
  const co = new Map<string, Map<string, number>>();
  for (const a of actors) {
    index.set(a.id, { actor: a, entries: [], coActors: [] });
    co.set(a.id, new Map());
  }
  for (const entry of [...entries].sort(compareEntries)) {
    const ids = [...new Set(entry.data.actors)].filter((id) => byId.has(id));
    for (const id of ids) {
      index.get(id)!.entries.push(entry);
      const counts = co.get(id)!;
      for (const other of ids) if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  for (const [id, rec] of index) {
    const first = rec.entries[0];
    const last = rec.entries.at(-1);
    if (first) rec.first = first;
    if (last) rec.last = last;
    rec.coActors = [...co.get(id)!]
      .map(([other, count]) => ({ actor: byId.get(other)!, count }))
      .sort((x, y) => y.count - x.count || x.actor.data.name.localeCompare(y.actor.data.name));
  }
  return index;
}

/** Titles that come before a name and are not part of it for sorting ("Pope Leo XIV" sorts as "Leo XIV"). */
const TITLES = new Set([
  'pope',
  'patriarch',
  'cardinal',
  'archbishop',
  'king',
  'queen',
  'prince',
  'princess',
  'sheikh',
  'sir',
  'dame',
]);
/** Words of an Arabic name's lineage ("Mohammed bin Salman"): such names sort by their first name. */
const LINEAGE = new Set(['bin', 'bint', 'ibn']);
/** Words after a name that are not its surname: "Jr.", "Sr." and upper-case Roman numerals ("Leo XIV"). */
const SUFFIX = /^(Jr\.?|Sr\.?|[IVX]+)$/;

/**
 * The key an index sorts an actor by: `sortName` when given; an institution's or state's name; a person's
 * last name first, then the rest ("Leyen, Ursula von der", "Vance, JD"). Without a title ("Pope Francis"
 * sorts as "Francis"); a single name ("Leo XIV") and an Arabic name with "bin" or "ibn" sort as written.
 */
export function sortKey(data: Pick<ActorData, 'name' | 'type' | 'sortName'>): string {
  if (data.sortName) return data.sortName;
  if (data.type !== 'person') return data.name;
  const words = data.name.trim().split(/\s+/);
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase())) words.shift();
  const suffix: string[] = [];
  while (words.length > 1 && SUFFIX.test(words.at(-1)!)) suffix.unshift(words.pop()!);
  if (words.length === 1 || words.some((w) => LINEAGE.has(w))) return [...words, ...suffix].join(' ');
  return `${[words.at(-1)!, ...suffix].join(' ')}, ${words.slice(0, -1).join(' ')}`;
}

/** Compares names for an index: in English alphabetical order, whatever the build machine's locale. */
const collator = new Intl.Collator('en');

/** Orders actors as an index lists them: by sortKey, then by id. */
export function compareActors(x: ActorLike, y: ActorLike): number {
  return collator.compare(sortKey(x.data), sortKey(y.data)) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Actors of one affiliation, in index order (see compareActors), with how many entries each appears in. */
export interface AffiliationGroup<A> {
  affiliation: string;
  actors: { actor: A; count: number }[];
}

/**
 * Groups actors by affiliation. Groups named in `order` come first in that order; the rest
 * follow, largest first, then by name. Inside a group, people are sorted by surname and
 * institutions and states by name, in one list (see sortKey).
 */
export function groupByAffiliation<A extends ActorLike>(
  actors: readonly A[],
  counts: ReadonlyMap<string, number>,
  order: readonly string[] = [],
): AffiliationGroup<A>[] {
  const groups = new Map<string, AffiliationGroup<A>>();
  for (const actor of actors) {
    const key = actor.data.affiliation;
    if (!groups.has(key)) groups.set(key, { affiliation: key, actors: [] });
    groups.get(key)!.actors.push({ actor, count: counts.get(actor.id) ?? 0 });
  }
  for (const g of groups.values()) g.actors.sort((x, y) => compareActors(x.actor, y.actor));
  return [...groups.values()].sort(byAffiliation(order));
}

/**
 * The "Key people" of an index: from the first `sides` groups (in the order groupByAffiliation gives,
 * so the site's affiliationOrder first) that have a person with events, the `perSide` people with the
 * most events, most first, then in index order. Institutions, states and people without events are left out.
 */
export function keyPeople<A extends ActorLike>(
  groups: readonly AffiliationGroup<A>[],
  sides = 3,
  perSide = 3,
): AffiliationGroup<A>[] {
  const key: AffiliationGroup<A>[] = [];
  for (const g of groups) {
    if (key.length >= sides) break;
    const people = g.actors
      .filter((a) => a.actor.data.type === 'person' && a.count > 0)
      .sort((x, y) => y.count - x.count || compareActors(x.actor, y.actor))
      .slice(0, perSide);
    if (people.length > 0) key.push({ affiliation: g.affiliation, actors: people });
  }
  return key;
}

/** Orders groups of actors: affiliations named in `order` first, in that order; then larger groups, then by name. */
function byAffiliation(order: readonly string[]) {
  const rank = (g: { affiliation: string }) => {
    const i = order.indexOf(g.affiliation);
    return i < 0 ? order.length : i;
  };
  return (
    x: { affiliation: string; actors: readonly unknown[] },
    y: { affiliation: string; actors: readonly unknown[] },
  ) => rank(x) - rank(y) || y.actors.length - x.actors.length || x.affiliation.localeCompare(y.affiliation);
}

/** One piece of a role's dates: plain text, or a date with its machine-readable value (a <time>). */
export type RoleSpanPart = string | { datetime: string; text: string };

/**
 * A role's dates as the actor page shows them after its title: " (May 2022 – 17 July 2025)",
 * " (from May 2022)", " (until 2024)", or nothing when neither end is known.
 */
export function roleSpan(role: { from?: string | undefined; to?: string | undefined }): RoleSpanPart[] {
  const date = (value: string) => ({ datetime: value, text: formatPartialDate(value) });
  if (role.from && role.to) return [' (', date(role.from), ' – ', date(role.to), ')'];
  if (role.from) return [' (from ', date(role.from), ')'];
  if (role.to) return [' (until ', date(role.to), ')'];
  return [];
}

/** One role of an actor. */
type Role = ActorData['roles'][number];

/** An actor's roles in time: those held now (no end date), then the ended ones, each latest first. */
export function rolesInTime(roles: readonly Role[]): { current: Role[]; past: Role[] } {
  const start = (r: Role) => (r.from ? partialDateSpan(r.from).first : '');
  const end = (r: Role) => (r.to ? partialDateSpan(r.to).last : '');
  const current = roles.filter((r) => !r.to).sort((a, b) => start(b).localeCompare(start(a)));
  const past = roles
    .filter((r) => r.to)
    .sort((a, b) => end(b).localeCompare(end(a)) || start(b).localeCompare(start(a)));
  return { current, past };
}

/** The one role an index shows: the latest current one, or else the latest ended one as "Formerly …". */
export function headlineRole(roles: readonly Role[]): string | undefined {
  const { current, past } = rolesInTime(roles);
  if (current[0]) return current[0].title;
  return past[0] ? `Formerly ${past[0].title}` : undefined;
}

/** The roles an actor held on a day: begun by then (or undated) and not yet ended (or undated). */
export function rolesOn(roles: readonly Role[], day: string): Role[] {
  return roles.filter(
    (r) => (!r.from || partialDateSpan(r.from).first <= day) && (!r.to || partialDateSpan(r.to).last >= day),
  );
}

/** One actor of an entry, as "Who" shows it. */
export interface Participant<A> {
  actor: A;
  /** The role the actor held on the event's day (the latest begun, when several). */
  role?: string;
  /** True when the sources do not confirm the actor's part in the event. */
  unconfirmed: boolean;
}

/**
 * An entry's actors grouped by side (affiliation, in the site's order, then larger groups first), each
 * with the role held on the event's day, in the order the entry lists them.
 */
export function whoBySide<A extends ActorLike>(
  ids: readonly string[],
  actorById: ReadonlyMap<string, A>,
  day: string,
  order: readonly string[] = [],
  unconfirmed: readonly string[] = [],
): { affiliation: string; actors: Participant<A>[] }[] {
  const groups = new Map<string, { affiliation: string; actors: Participant<A>[] }>();
  for (const id of ids) {
    const actor = actorById.get(id);
    if (!actor) continue;
    const key = actor.data.affiliation;
    if (!groups.has(key)) groups.set(key, { affiliation: key, actors: [] });
    const role = rolesOn(actor.data.roles, day)
      .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))
      .at(-1)?.title;
    groups.get(key)!.actors.push({ actor, ...(role ? { role } : {}), unconfirmed: unconfirmed.includes(id) });
  }
  return [...groups.values()].sort(byAffiliation(order));
}
