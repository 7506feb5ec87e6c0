/**
 * The files `npm run new` writes: an entry or an actor record with every field present and a
 * comment saying what goes there. Pure: the CLI asks the questions, these functions write the text.
 */
import { KINDS } from './taxonomy';
import { entryFile, slugify } from './content-files';

/** What an editor gives for a new entry. */
export interface NewEntry {
  date: string;
  title: string;
  summary?: string;
  kind: string;
  venue?: string;
  city?: string;
  country?: string;
  actors: string[];
  topics?: string[];
  sourceOutlet: string;
  sourceUrl: string;
  sourceTitle?: string;
  /** Publish at once (draft: false); by default a new entry is a draft. */
  publish?: boolean;
}

/** What an editor gives for a new actor. */
export interface NewActor {
  name: string;
  type: 'person' | 'institution' | 'state';
  affiliation: string;
  aliases?: string[];
}

/** A YAML string that never needs escaping thought: JSON strings are valid YAML. */
const q = (s: string) => JSON.stringify(s);

/** Where an entry's file goes: content/entries/<yyyy>/<date>-<slug>.mdx. */
export function entryPathFor(date: string, title: string): string {
  return entryFile(`${date}-${slugify(title)}`);
}

/** The text of a new entry file. */
export function entryTemplate(e: NewEntry, topics: readonly string[]): string {
  const place = [
    e.venue ? `  venue: ${q(e.venue)}` : '  # venue: "Dolmabahçe Palace"',
    e.city ? `  city: ${q(e.city)}` : '  # city: "Istanbul"',
    e.country ? `  country: ${q(e.country)}` : '  # country: "Türkiye"',
  ];
  const hasPlace = Boolean(e.venue || e.city || e.country);
  return [
    '---',
    '# Headline in sentence case, 3–140 characters, neutral, in your own words.',
    `title: ${q(e.title)}`,
    '# What happened, in ONE sentence of at most 280 characters (cards, search results, link previews).',
    `summary: ${q(e.summary ?? `${e.title}.`)}`,
    '# The day it happened (or began), YYYY-MM-DD. The file name must start with this date.',
    `date: ${e.date}`,
    '# Last day of an event over several days, YYYY-MM-DD.',
    '# endDate: 2025-05-17',
    '# "day" (default), or "month" when only the month is known (the entry then shows "May 2025").',
    'datePrecision: day',
    '# Local start time in quotes and its IANA time zone, only when the sources give them.',
    '# time: "13:30"',
    '# timeZone: Europe/Istanbul',
    '# Where it happened; any of venue, city, country. For a call: venue: "By phone".',
    hasPlace ? 'place:' : '# place:',
    ...(hasPlace ? place : place.map((l) => l.replace(/^ {2}(?!#)/, '  # '))),
    '# Registry ids of the people and institutions involved (content/actors/<id>.md), main ones first.',
    'actors:',
    ...e.actors.map((a) => `  - ${a}`),
    `# One of: ${KINDS.join(', ')}.`,
    `kind: ${e.kind}`,
    `# Zero or more of: ${topics.join(', ')}.`,
    `topics: [${(e.topics ?? []).join(', ')}]`,
    '# The reports this entry rests on, best outlets first. url must be https. For a syndicated copy,',
    '# outlet is the site the URL is on and original the outlet that wrote it ("AP" via "Japan Today").',
    'sources:',
    `  - outlet: ${q(e.sourceOutlet)}`,
    '    # original: "AP"',
    e.sourceTitle ? `    title: ${q(e.sourceTitle)}` : '    # title: "The headline as published"',
    `    url: ${q(e.sourceUrl)}`,
    `    published: ${e.date}`,
    '# "major" for turning points (rounds of talks, agreements, largest exchanges); otherwise "minor".',
    'importance: minor',
    '# "confirmed"; "detail-unconfirmed" when what happened is established but one detail is not; or "disputed"',
    '# when a party contests what happened or sources conflict. The last two need a confidenceNote saying exactly what.',
    'confidence: confirmed',
    '# confidenceNote: "Only one outlet reports that …"',
    '# Ids of other entries a reader should see next (file names without .mdx).',
    'related: []',
    '# A draft is shown by `npm run dev` only. Set to false when the entry is ready to publish.',
    `draft: ${e.publish ? 'false' : 'true'}`,
    '# When the entry changes in substance after publication: the day, and a public note per correction.',
    '# updated: 2025-05-20',
    '# corrections:',
    '#   - date: 2025-05-20',
    '#     text: "An earlier version gave the wrong venue."',
    '---',
    '',
    'Write one to four short paragraphs in your own words: what happened, who took part, and what was',
    'agreed or not. Attribute every claim ("the Kremlin said", "according to Ukraine\'s delegation").',
    '',
    '## What the sides said',
    '',
    '- **Side:** a short, attributed summary of its position.',
    '',
  ].join('\n');
}

/** The text of a new actor file. */
export function actorTemplate(a: NewActor): string {
  return [
    '---',
    '# The canonical English name, used everywhere on the site.',
    `name: ${q(a.name)}`,
    '# Every other spelling, Latin and Cyrillic, so that search finds them.',
    ...((a.aliases ?? []).length
      ? ['aliases:', ...(a.aliases ?? []).map((x) => `  - ${q(x)}`)]
      : ['aliases: []', '# aliases:', '#   - "Zelensky"', '#   - "Зеленський"']),
    '# person, institution or state.',
    `type: ${a.type}`,
    '# The side or country: Ukraine, Russia, United States, Türkiye, European Union…',
    `affiliation: ${q(a.affiliation)}`,
    '# Roles held during the story, oldest first; from/to as precise as known (YYYY-MM-DD, YYYY-MM or YYYY).',
    'roles: []',
    '# roles:',
    '#   - title: "Defence Minister of Ukraine"',
    '#     from: 2023-09',
    '#     to: 2025-07-17',
    '# Only when the People index would sort the name wrongly (by its last word): e.g. a family name first.',
    '# sortName: "Xi Jinping"',
    '---',
    '',
    `A neutral bio of one to three sentences: who ${a.name} is and what part they play in the story.`,
    '',
  ].join('\n');
}
