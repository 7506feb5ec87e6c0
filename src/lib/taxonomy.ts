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
/** How firmly the sources establish an entry. */
export const CONFIDENCE = ['confirmed', 'disputed'] as const;
/** How precisely an entry's date is known. */
export const DATE_PRECISION = ['day', 'month'] as const;
/** What an actor is. */
export const ACTOR_TYPES = ['person', 'institution', 'state'] as const;
