/**
 * The "best match" card of the search page: when a query is a person's or institution's name in any
 * spelling, that actor is shown first, before Pagefind has answered. The build writes a small map from
 * every name key (see nameKey) to its actor into the search page; the page looks the query up in it.
 * Pure: the search page's script bundles the lookup.
 */
import { actorKeys, nameKey, type Named } from './names';
import { editDistance, suggest } from './suggest';

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

/** Builds the card index from the story's actors (in the order given). */
export function bestMatchIndex(actors: readonly (Named & { card: MatchActor })[]): BestMatchIndex {
  return {
    actors: actors.map((a) => a.card),
    keys: Object.fromEntries([...actorKeys(actors)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

/** A found actor, and whether the query was a near miss of one of their names. */
export interface Match {
  actor: MatchActor;
  /** The name key the query was read as, when it was a near miss. */
  nearMiss?: string;
}

/**
 * The actor a query names: exactly, by any key, or (for queries of 5+ letters) a near miss that the
 * did-you-mean finds within one edit (two from 8 letters on). Undefined for anything else.
 */
export function bestMatch(query: string, index: BestMatchIndex): Match | undefined {
  const key = nameKey(query);
  if (!key) return undefined;
  const exact = index.keys[key];
  if (exact !== undefined) return { actor: index.actors[exact]! };
  if (key.length < 5 || /\d/.test(key)) return undefined;
  const near = suggest(key, Object.keys(index.keys));
  if (near === undefined || editDistance(key, near) > (key.length >= 8 ? 2 : 1)) return undefined;
  return { actor: index.actors[index.keys[near]!]!, nearMiss: near };
}
