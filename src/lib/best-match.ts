/**
 * The "best match" card of the search page: when a query is a person's or institution's name in any
 * spelling, that actor is shown first, before Pagefind has answered. The build writes every actor's
 * names, role and count into the search page (packIndex); the page derives every name key (see
 * nameKey) and looks the query up in them.
 * Pure: the search page's script bundles the lookup.
 */
import { actorKeys, nameKey, type Named } from './names';
import { editDistance, suggest } from './suggest';
import type { ActorData } from './schema';

/** One actor as the card shows it. */
export interface MatchActor {
  name: string;
  /** The role now (or the latest former one), see headlineRole. */
  role?: string;
  /** How many published events name the actor. */
  events: number;
  /** The actor page's URL (with the base path). */
  href: string;
}

/** What the search page carries: the actors, and every name key with the actor's position. */
export interface BestMatchIndex {
  actors: MatchActor[];
  keys: Record<string, number>;
}

/** One actor as the page carries it: id, name, type (p, i or s), role ("" for none), events, then every alias. */
type PackedActor = [string, string, string, string, number, ...string[]];

/**
 * The card index as the search page carries it (JSON): each actor's names once, in a few arrays, and
 * the actor page's URL as a pattern ("{}" for the id). The page derives every name key itself
 * (unpackIndex), with the same rules as the build (actorKeys).
 */
export interface PackedIndex {
  href: string;
  actors: PackedActor[];
}

const TYPE_CODES = { person: 'p', institution: 'i', state: 's' } as const;

/** Packs the story's actors (in the order given) for the search page; `href` is the actor URL pattern, "{}" for the id. */
export function packIndex(
  actors: readonly { id: string; data: ActorData; role?: string | undefined; events: number }[],
  href: string,
): PackedIndex {
  return {
    href,
    actors: actors.map((a) => [a.id, a.data.name, TYPE_CODES[a.data.type], a.role ?? '', a.events, ...a.data.aliases]),
  };
}

/** The card index from what the page carries: every actor's card, and every name key with its actor. */
export function unpackIndex(packed: PackedIndex): BestMatchIndex {
  const types = Object.fromEntries(Object.entries(TYPE_CODES).map(([k, v]) => [v, k])) as Record<
    string,
    ActorData['type']
  >;
  const named = packed.actors.map(([id, name, type, role, events, ...aliases]) => ({
    data: { name, aliases, type: types[type] ?? 'person' },
    card: { name, ...(role ? { role } : {}), events, href: packed.href.replace('{}', id) },
  }));
  return bestMatchIndex(named);
}

/** Builds the card index (in the order given). */
export function bestMatchIndex(actors: readonly (Named & { card: MatchActor })[]): BestMatchIndex {
  return {
    actors: actors.map((a) => a.card),
    keys: Object.fromEntries(actorKeys(actors)),
  };
}

/** A found actor, and whether the query was a near miss of one of their names. */
export interface Match {
  actor: MatchActor;
  /** The name key the query was read as, when it was a near miss. */
  nearMiss?: string;
}

/**
 * Whether a query may name an actor of the packed index exactly (by a full name, an alias or a surname
 * key): a quick test on the names as the page carries them, which never says no where bestMatch would
 * find an exact match (every key's words are words of a name's key). The page derives every name key (unpackIndex) only when it says yes,
 * so a query such as "ceasefire" starts its search without that work.
 */
export function mayNameActor(query: string, packed: PackedIndex): boolean {
  const key = nameKey(query);
  if (!key) return false;
  const last = key.slice(key.lastIndexOf(' ') + 1);
  // A word in Latin letters can only be in the key of a name with a Latin letter (plain, or one that
  // loses its accent in the key, such as ğ or é): the Cyrillic spellings are skipped without working
  // out their keys, which is most of this test's cost.
  const latin = /^[a-z0-9]+$/.test(last);
  return packed.actors.some(([, name, , , , ...aliases]) =>
    [name, ...aliases].some((n) => (!latin || LATIN_LETTER.test(n)) && nameKey(n).includes(last)),
  );
}

/** A letter or digit of the Latin script as a name may hold it: ASCII, or accented (Latin-1 to Latin Extended Additional). */
const LATIN_LETTER = /[A-Za-z0-9\u00C0-\u024F\u1E00-\u1EFF]/;

/**
 * The actor a query names: exactly, by any key, or (for queries of 5+ letters, unless `nearMiss` is
 * false) a near miss that the did-you-mean finds within one edit (two from 8 letters on). Undefined for
 * anything else.
 */
export function bestMatch(query: string, index: BestMatchIndex, nearMiss = true): Match | undefined {
  const key = nameKey(query);
  if (!key) return undefined;
  const exact = index.keys[key];
  if (exact !== undefined) return { actor: index.actors[exact]! };
  if (!nearMiss || key.length < 5 || /\d/.test(key)) return undefined;
  const near = suggest(key, Object.keys(index.keys));
  if (near === undefined || editDistance(key, near) > (key.length >= 8 ? 2 : 1)) return undefined;
  return { actor: index.actors[index.keys[near]!]!, nearMiss: near };
}
