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
  const { list, byFirstWord } = namesOf(actors);
  const haystack = norm(text);
  const found = new Set<number>();
  // Each word of the text is looked up among the first words of all names, and only those names are
  // compared there: one pass over the text, whatever the number of actors.
  for (let start = 1; start < haystack.length; start = haystack.indexOf(' ', start) + 1) {
    const word = haystack.slice(start, haystack.indexOf(' ', start));
    for (const name of byFirstWord.get(word) ?? []) {
      if (!found.has(name.actor) && haystack.startsWith(name.text, start - 1)) found.add(name.actor);
    }
  }
  return list.filter((_, i) => found.has(i));
}

/** A text's words as " word word ", lower case, without punctuation, for matching names without regular expressions. */
const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/** Every normalised name (" word word ") with the index of its actor, by the name's first word. */
type NameIndex<A> = { list: readonly A[]; byFirstWord: Map<string, { text: string; actor: number }[]> };

const namesCache = new WeakMap<readonly Named[], NameIndex<Named>>();

/** Each actor's searchable names (normalised once per list of actors): full name, unique surname, aliases. */
function namesOf<A extends Named>(actors: readonly A[]): NameIndex<A> {
  const cached = namesCache.get(actors);
  if (cached) return cached as NameIndex<A>;
  const users = wordUsers(actors, (name) => norm(name).trim().split(' '));
  const byFirstWord: NameIndex<A>['byFirstWord'] = new Map();
  actors.forEach((actor, i) => {
    const own = norm(actor.data.name).trim().split(' ');
    const last = own.at(-1)!;
    const surname = namesAlone(actor, last, users, new Set(own));
    const names = [
      actor.data.name,
      ...(surname ? [last] : []),
      ...actor.data.aliases.filter((alias) => alias.length >= 5),
    ].map(norm);
    for (const text of names) {
      const first = text.trim().split(' ')[0]!;
      if (!first) continue;
      byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { text, actor: i }]);
    }
  });
  const index = { list: actors, byFirstWord };
  namesCache.set(actors, index);
  return index;
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
  const users = wordUsers(actors, (name) => nameKey(name).split(' '));
  const exact = new Map<string, number | null>();
  const loose = new Map<string, number | null>();
  const add = (map: Map<string, number | null>, key: string, i: number) => {
    if (!key) return;
    const had = map.get(key);
    map.set(key, had === undefined || had === i ? i : null);
  };
  actors.forEach((actor, i) => {
    for (const name of [actor.data.name, ...actor.data.aliases]) add(exact, nameKey(name), i);
    const own = new Set(nameKey(actor.data.name).split(' '));
    for (const name of [actor.data.name, ...actor.data.aliases]) {
      const words = nameKey(name).split(' ');
      const last = words.at(-1)!;
      if ((name === actor.data.name || words.length > 1) && namesAlone(actor, last, users, own)) add(loose, last, i);
    }
  });
  const keys = new Map<string, number>();
  for (const [key, i] of exact) if (i !== null) keys.set(key, i);
  for (const [key, i] of loose) if (i !== null && !exact.has(key)) keys.set(key, i);
  return keys;
}

/** For each word, how many actors' names have it, with names split into words by `words`. */
function wordUsers(actors: readonly Named[], words: (name: string) => string[]): Map<string, number> {
  const users = new Map<string, number>();
  for (const a of actors) for (const word of new Set(words(a.data.name))) users.set(word, (users.get(word) ?? 0) + 1);
  return users;
}

/**
 * The surname rule that mentionedActors and actorKeys share: one word (a person's surname, or the last
 * word of one of their aliases) names a person alone when it has 5+ letters and no other actor's name
 * has it ("Anton" is Michael Anton's surname and Anton Siluanov's first name). Never an institution's or
 * a state's. `users` is wordUsers of all actors; `own`, the words of this actor's name.
 */
function namesAlone(actor: Named, word: string, users: Map<string, number>, own: Set<string>): boolean {
  if (actor.data.type === 'institution' || actor.data.type === 'state') return false;
  return word.length >= 5 && (users.get(word) ?? 0) - (own.has(word) ? 1 : 0) === 0;
}
