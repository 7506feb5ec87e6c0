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
  // How many actors have each word in their name: a surname counts alone only when no other name has it
  // ("Anton" is Michael Anton's surname and Anton Siluanov's first name).
  const users = new Map<string, number>();
  for (const a of actors) {
    for (const word of new Set(norm(a.data.name).trim().split(' '))) users.set(word, (users.get(word) ?? 0) + 1);
  }
  const byFirstWord: NameIndex<A>['byFirstWord'] = new Map();
  actors.forEach((actor, i) => {
    const last = norm(actor.data.name).trim().split(' ').at(-1)!;
    const surname =
      actor.data.type !== 'institution' && actor.data.type !== 'state' && last.length >= 5 && users.get(last) === 1;
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
