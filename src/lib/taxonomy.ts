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
/** What each level means, for readers (the about page). */
export const CONFIDENCE_MEANINGS: Record<Confidence, string> = {
  confirmed: 'Independent reports agree on what happened. Such entries carry no label.',
  'detail-unconfirmed':
    'What happened is established, but one detail is not: the length of a meeting, an exact figure, who else attended, or a remark that only a single report gives. A short note on the entry says which detail, and the text says so where it gives it.',
  disputed:
    'One of the parties contests what happened, or the reports conflict on the core of the event. The entry is labelled on the timeline, and its note says what is contested, and by whom.',
};

/**
 * What kind of page a source is, which orders an entry's sources best first: an official statement or
 * document, original reporting, a copy of another outlet's report, or an aggregator.
 */
export const SOURCE_KINDS = ['official', 'original', 'copy', 'aggregator'] as const;
/** One kind of source. */
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** What each kind of source is, for readers (the about page), in the order sources are listed. */
export const SOURCE_KIND_MEANINGS: Record<SourceKind, string> = {
  official: 'Official statements and documents: a government’s or an institution’s own statement, record or text.',
  original: 'Original reporting by an outlet that reported the event itself.',
  copy: 'Republished copies: a site that carries another outlet’s report, such as a wire story. Both outlets are named, the original first.',
  aggregator:
    'Aggregators: sites that rewrite other outlets’ reports. They are cited only next to an independent source, or for what they are evidence of.',
};
/** How precisely an entry's date is known. */
export const DATE_PRECISION = ['day', 'month'] as const;
/** What an actor is. */
export const ACTOR_TYPES = ['person', 'institution', 'state'] as const;
