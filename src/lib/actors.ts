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

/** Actors of one affiliation, by name, with how many entries each appears in. */
export interface AffiliationGroup<A> {
  affiliation: string;
  actors: { actor: A; count: number }[];
}

/**
 * Groups actors by affiliation. Groups named in `order` come first in that order; the rest
 * follow, largest first, then by name. Inside a group, actors are sorted by name.
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
  for (const g of groups.values()) g.actors.sort((x, y) => x.actor.data.name.localeCompare(y.actor.data.name));
  return [...groups.values()].sort(byAffiliation(order));
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
