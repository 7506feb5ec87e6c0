/** Which actors a text names: the one name matching shared by search and the story checks. Pure. */
import type { ActorData } from './schema';

/** An actor as name matching needs it: its name and other spellings. */
export type Named = { data: Pick<ActorData, 'name' | 'aliases'> };

/**
 * The actors a text names, by full name, by a surname of 5+ letters no other actor shares, or by an
 * alias of 5+ letters. Search indexes every spelling of the actors a page names, and the story checks
 * that every actor an entry tags is named in it: both match names this one way.
 */
export function mentionedActors<A extends Named>(text: string, actors: readonly A[]): A[] {
  const haystack = norm(text);
  return namesOf(actors)
    .filter((names) => names.some((n) => haystack.includes(n)))
    .map((names) => names.actor);
}

/** A text's words as " word word ", lower case, without punctuation, for matching names without regular expressions. */
const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

const namesCache = new WeakMap<readonly Named[], (string[] & { actor: Named })[]>();

/** Each actor's searchable names (normalised once per list of actors): full name, unique surname, aliases. */
function namesOf<A extends Named>(actors: readonly A[]): (string[] & { actor: A })[] {
  const cached = namesCache.get(actors);
  if (cached) return cached as (string[] & { actor: A })[];
  const surnames = new Map<string, number>();
  for (const a of actors) {
    const last = a.data.name.split(/\s+/).at(-1)!;
    surnames.set(last, (surnames.get(last) ?? 0) + 1);
  }
  const list = actors.map((actor) => {
    const last = actor.data.name.split(/\s+/).at(-1)!;
    const names = [
      actor.data.name,
      ...(last.length >= 5 && surnames.get(last) === 1 ? [last] : []),
      ...actor.data.aliases.filter((alias) => alias.length >= 5),
    ].map(norm);
    return Object.assign(names, { actor });
  });
  namesCache.set(actors, list);
  return list;
}
