/** Which actors a text names: the one name matching shared by search and the story checks. Pure. */
import type { ActorData } from './schema';

/** An actor as name matching needs it: its name and other spellings. */
export type Named = { data: Pick<ActorData, 'name' | 'aliases'> & Partial<Pick<ActorData, 'type'>> };

/**
 * The actors a text names, by full name, by a person's surname of 5+ letters that no other actor's
 * name contains, or by an alias of 5+ letters. Search indexes every spelling of the actors a page
 * names, and the story checks that every actor an entry tags is named in it: both match names this way.
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
  // How many actors have each word in their name: a surname counts alone only when no other name has it
  // ("Anton" is Michael Anton's surname and Anton Siluanov's first name).
  const users = new Map<string, number>();
  for (const a of actors) {
    for (const word of new Set(norm(a.data.name).trim().split(' '))) users.set(word, (users.get(word) ?? 0) + 1);
  }
  const list = actors.map((actor) => {
    const last = norm(actor.data.name).trim().split(' ').at(-1)!;
    const surname =
      actor.data.type !== 'institution' && actor.data.type !== 'state' && last.length >= 5 && users.get(last) === 1;
    const names = [
      actor.data.name,
      ...(surname ? [last] : []),
      ...actor.data.aliases.filter((alias) => alias.length >= 5),
    ].map(norm);
    return Object.assign(names, { actor });
  });
  namesCache.set(actors, list);
  return list;
}

/**
 * A name as a reader may type it, reduced to compare: lower case, diacritics folded ("Erdoğan" →
 * "erdogan"), punctuation as single spaces. The search page looks queries up by this key.
 */
export const nameKey = (s: string) =>
  // Plain ASCII, most names, takes the quick way: the search page derives a key for every spelling as it starts.
  /^[\x20-\x7e]*$/.test(s)
    ? s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
    : norm(s.normalize('NFD').replace(/\p{M}+/gu, '')).trim();

/**
 * Every key (see nameKey) a reader may type to mean one actor: the full name and every alias (Latin or
 * Cyrillic, any length); for a person, the surname of 5+ letters that no other actor's name contains
 * (the rule mentionedActors applies), and the like last word of a multi-word alias ("Зеленський"). A
 * key two actors share names neither; full names and aliases win over surnames. Maps each key to the
 * actor's position in `actors`.
 */
export function actorKeys(actors: readonly Named[]): Map<string, number> {
  const users = new Map<string, number>();
  for (const a of actors) {
    for (const word of new Set(nameKey(a.data.name).split(' '))) users.set(word, (users.get(word) ?? 0) + 1);
  }
  const exact = new Map<string, number | null>();
  const loose = new Map<string, number | null>();
  const add = (map: Map<string, number | null>, key: string, i: number) => {
    if (!key) return;
    const had = map.get(key);
    map.set(key, had === undefined || had === i ? i : null);
  };
  actors.forEach((actor, i) => {
    for (const name of [actor.data.name, ...actor.data.aliases]) add(exact, nameKey(name), i);
    if (actor.data.type === 'institution' || actor.data.type === 'state') return;
    const own = new Set(nameKey(actor.data.name).split(' '));
    for (const name of [actor.data.name, ...actor.data.aliases]) {
      const words = nameKey(name).split(' ');
      const last = words.at(-1)!;
      const others = (users.get(last) ?? 0) - (own.has(last) ? 1 : 0);
      if ((name === actor.data.name || words.length > 1) && last.length >= 5 && others === 0) add(loose, last, i);
    }
  });
  const keys = new Map<string, number>();
  for (const [key, i] of exact) if (i !== null) keys.set(key, i);
  for (const [key, i] of loose) if (i !== null && !exact.has(key)) keys.set(key, i);
  return keys;
}
