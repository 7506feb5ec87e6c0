/**
 * The closed sets that every story shares: kinds of event, importance, confidence, actor types and
 * date precision. Components, the schema and the tests all import them from here. Topics are
 * story-specific and live in the site configuration.
 */

/** What sort of event an entry records. */
export const KINDS = [
  'talks',
  'meeting',
  'call',
  'summit',
  'agreement',
  'exchange',
  'proposal',
  'statement',
  'deadline',
  'ceasefire',
  'sanctions',
  'other',
] as const;
/** One kind of event. */
export type Kind = (typeof KINDS)[number];

/** Reader-facing label of each kind. */
export const KIND_LABELS: Record<Kind, string> = {
  talks: 'Talks',
  meeting: 'Meeting',
  call: 'Call',
  summit: 'Summit',
  agreement: 'Agreement',
  exchange: 'Exchange',
  proposal: 'Proposal',
  statement: 'Statement',
  deadline: 'Deadline',
  ceasefire: 'Ceasefire',
  sanctions: 'Sanctions',
  other: 'Other',
};

/** How much an entry matters to the story: major entries stand out on the timeline. */
export const IMPORTANCE = ['major', 'minor'] as const;
/**
 * How firmly the sources establish an entry: "confirmed"; "detail-unconfirmed" when what happened is
 * established but one detail is not (a quiet note on the page, no badge); "disputed" when a party
 * contests what happened or the sources conflict on it (a badge on cards).
 */
export const CONFIDENCE = ['confirmed', 'detail-unconfirmed', 'disputed'] as const;
/** One level of confidence. */
export type Confidence = (typeof CONFIDENCE)[number];
/** Reader-facing label of each level. */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  confirmed: 'Confirmed',
  'detail-unconfirmed': 'Detail unconfirmed',
  disputed: 'Disputed',
};

/**
 * What kind of page a source is, which orders an entry's sources best first: an official statement or
 * document, original reporting, a copy of another outlet's report, or an aggregator.
 */
export const SOURCE_KINDS = ['official', 'original', 'copy', 'aggregator'] as const;
/** One kind of source. */
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** How precisely an entry's date is known. */
export const DATE_PRECISION = ['day', 'month'] as const;
/** What an actor is. */
export const ACTOR_TYPES = ['person', 'institution', 'state'] as const;
