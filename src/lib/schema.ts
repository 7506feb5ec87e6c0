/**
 * The content model: the one place that says what an entry, an actor and a phase may contain.
 * src/content.config.ts builds the collections from these shapes, and the types of the whole site
 * are inferred from them. Every field carries a doc comment: purpose, default, allowed values.
 */
import { z } from 'astro/zod';
import { dayFromUtcDate, isCalendarDay, isLocalTime, isTimeZone } from './dates';
import { ID_RE } from './content-files';
import { ACTOR_TYPES, CONFIDENCE, DATE_PRECISION, IMPORTANCE, KINDS, SOURCE_KINDS } from './taxonomy';

/** A calendar day, YYYY-MM-DD. YAML turns a bare 2025-05-16 into a Date; it is taken back as a day. */
export const calendarDay = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? dayFromUtcDate(v) : v),
  z
    .string({ error: 'expected a calendar day written as YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a real calendar day written as YYYY-MM-DD' })
    .refine(isCalendarDay, { error: 'expected a real calendar day written as YYYY-MM-DD' }),
);

/** A date as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD (source dates, role dates). */
export const partialDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? dayFromUtcDate(v) : typeof v === 'number' ? String(v) : v),
  z.string().refine((s) => /^\d{4}(-\d{2})?$/.test(s) || isCalendarDay(s), {
    error: 'expected YYYY-MM-DD, YYYY-MM or YYYY',
  }),
);

/** An https URL (plain http and every other scheme are refused). */
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });

/** An id of another record: an actor or an entry. */
const recordId = z.string().regex(ID_RE, { error: 'expected an id such as "rustem-umerov"' });

/** A source that supports an entry. */
export const sourceSchema = z.strictObject({
  /** The outlet whose site the URL is on, e.g. "Reuters" or "Shine". Required. */
  outlet: z.string().min(1),
  /** When the page republishes another outlet's story, that original outlet: "AP" in "AP via Shine". */
  original: z.string().min(1).optional(),
  /** The page's headline, as published. Optional: some archived pages show none. */
  title: z.string().min(1).optional(),
  /** Address of the page; https only. Required. */
  url: httpsUrl,
  /** When the page was published, as precisely as known (YYYY-MM-DD, YYYY-MM or YYYY). */
  published: partialDate.optional(),
  /** An archived copy of the page; https only. */
  archive: httpsUrl.optional(),
  /**
   * What kind of page this is: "official" (a government's or institution's own statement or document),
   * "original" (reporting by the outlet itself), "copy" (another outlet's report republished) or
   * "aggregator" (a site that rewrites others' reports). Default: "copy" when `original` is given,
   * else "original". Sources are shown in that order, best first.
   */
  kind: z.enum(SOURCE_KINDS).optional(),
});

/** Where an event took place. At least one of the three fields is required. */
export const placeSchema = z
  .strictObject({
    /** The building or setting: "Dolmabahçe Palace", "by phone", "video link". */
    venue: z.string().min(1).optional(),
    /** The city. */
    city: z.string().min(1).optional(),
    /** The country, in its English short name. */
    country: z.string().min(1).optional(),
  })
  .refine((p) => p.venue || p.city || p.country, { error: 'give at least one of venue, city or country' });

/** A correction made to an entry after publication. */
export const correctionSchema = z.strictObject({
  /** The day the correction was made. */
  date: calendarDay,
  /** What was wrong and what the entry now says. */
  text: z.string().min(1),
});

/** Builds the entry schema for a story's closed set of topics (from the site configuration). */
export function makeEntrySchema(topics: readonly string[]) {
  const topic = z.string().refine((t) => topics.includes(t), {
    error: (issue) => `unknown topic "${String(issue.input)}"; expected one of: ${topics.join(', ')}`,
  });
  return z
    .strictObject({
      /** Headline of the event, in sentence case; 3–140 characters. Required. */
      title: z.string().min(3).max(140),
      /** What happened, in one sentence of at most 280 characters: cards, meta description, search. */
      summary: z.string().min(10).max(280),
      /** The day the event happened (or began), YYYY-MM-DD. Required. */
      date: calendarDay,
      /** Local start time, "HH:MM" in quotes, 24-hour. Needs timeZone. */
      time: z
        .string({ error: 'expected a time written as "HH:MM" in quotes' })
        .refine(isLocalTime, { error: 'expected a time written as "HH:MM" (24-hour)' })
        .optional(),
      /** IANA zone of `time`, e.g. "Europe/Istanbul". */
      timeZone: z
        .string()
        .refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Istanbul"' })
        .optional(),
      /** Last day of an event that spans several days, YYYY-MM-DD; not before `date`. */
      endDate: calendarDay.optional(),
      /** How precisely the date is known: "day" (default) or "month" (shown as "May 2022"). */
      datePrecision: z.enum(DATE_PRECISION).default('day'),
      /** Where it happened. Optional for events with no single place. */
      place: placeSchema.optional(),
      /** Registry ids of the people, institutions and states involved; at least one. */
      actors: z.array(recordId).min(1, { error: 'name at least one actor id' }),
      /** What sort of event this is; one of the kinds in src/lib/taxonomy.ts. */
      kind: z.enum(KINDS),
      /** Subjects the event touches; ids from the site configuration's topics. Default: none. */
      topics: z.array(topic).default([]),
      /** The pages that support the entry; at least one. */
      sources: z.array(sourceSchema).min(1, { error: 'cite at least one source' }),
      /** "major" entries stand out on the timeline; default "minor". */
      importance: z.enum(IMPORTANCE).default('minor'),
      /**
       * How firmly the sources establish the event: "confirmed" (default); "detail-unconfirmed" when
       * what happened is established but a detail is not; "disputed" when a party contests what
       * happened or the sources conflict on it. The last two need confidenceNote.
       */
      confidence: z.enum(CONFIDENCE).default('confirmed'),
      /** Which detail is unconfirmed, or what is contested and by whom, in reader language; shown on the entry page. */
      confidenceNote: z.string().min(1).optional(),
      /** Tagged actors whose part in the event the sources do not confirm; each must also be in `actors`. Default: none. */
      unconfirmedActors: z.array(recordId).default([]),
      /** Ids of other entries a reader should see next to this one. Default: none. */
      related: z.array(recordId).default([]),
      /** A draft is built in development only, never published. Default false. */
      draft: z.boolean().default(false),
      /** The day the entry was last changed in substance. */
      updated: calendarDay.optional(),
      /** Public corrections, oldest first. Default: none. */
      corrections: z.array(correctionSchema).default([]),
    })
    .superRefine((e, ctx) => {
      if (e.time && !e.timeZone) {
        ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'a time needs its IANA timeZone' });
      }
      if (e.timeZone && !e.time) {
        ctx.addIssue({ code: 'custom', path: ['time'], message: 'timeZone is given but time is missing' });
      }
      if (e.confidence === 'disputed' && !e.confidenceNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['confidenceNote'],
          message: 'a disputed entry needs a confidenceNote saying what is unconfirmed',
        });
      }
      if (e.confidence === 'detail-unconfirmed' && !e.confidenceNote) {
        ctx.addIssue({
          code: 'custom',
          path: ['confidenceNote'],
          message: 'an entry with an unconfirmed detail needs a confidenceNote saying which detail',
        });
      }
      e.unconfirmedActors.forEach((id, i) => {
        if (!e.actors.includes(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['unconfirmedActors', i],
            message: `"${id}" is not in actors; an unconfirmed actor is listed in actors too`,
          });
        }
      });
    });
}

/** The data of one entry, after validation. */
export type EntryData = z.infer<ReturnType<typeof makeEntrySchema>>;
/** One source of an entry. */
export type Source = z.infer<typeof sourceSchema>;
/** The place of an entry. */
export type Place = z.infer<typeof placeSchema>;

/** A role an actor held, with the dates it began and ended when known. */
export const roleSchema = z.strictObject({
  /** The role, e.g. "Defence Minister of Ukraine". */
  title: z.string().min(1),
  /** When the role began, as precisely as known (YYYY-MM-DD, YYYY-MM or YYYY). */
  from: partialDate.optional(),
  /** When the role ended, as precisely as known; absent while the role is held or when unknown. */
  to: partialDate.optional(),
});

/** An actor of the story: a person, an institution or a state. The body is a short neutral bio. */
export const actorSchema = z.strictObject({
  /** The canonical English name, e.g. "Volodymyr Zelenskyy". Required. */
  name: z.string().min(2),
  /** Every other spelling, Latin and Cyrillic, so that search finds them. Default: none. */
  aliases: z.array(z.string().min(1)).default([]),
  /** "person", "institution" or "state". */
  type: z.enum(ACTOR_TYPES),
  /** The side or country the actor belongs to: "Ukraine", "Russia", "United States"… */
  affiliation: z.string().min(2),
  /** Roles held during the story, oldest first. Default: none. */
  roles: z.array(roleSchema).default([]),
  /**
   * How the People index sorts the name, for names the default gets wrong: e.g. "Xi Jinping" (family
   * name first). Default: a person by surname ("Leyen, Ursula von der"), see sortKey in actors.ts;
   * an institution or state by its name.
   */
  sortName: z.string().min(1).optional(),
});

/** The data of one actor. */
export type ActorData = z.infer<typeof actorSchema>;

/** A chapter of the story: a span of days with a title and an introduction. */
export const phaseSchema = z.strictObject({
  /** Id used in URLs and anchors, e.g. "istanbul-2022". */
  id: recordId,
  /** Chapter title. */
  title: z.string().min(3),
  /** First day of the chapter. */
  start: calendarDay,
  /** Last day of the chapter; absent for the current, open chapter. */
  end: calendarDay.optional(),
  /** One paragraph that introduces the chapter. */
  intro: z.string().min(10),
});

/** The data of one phase. */
export type PhaseData = z.infer<typeof phaseSchema>;

/** A standalone page of the story (about, policies): a title and a description, then the body. */
export const pageSchema = z.strictObject({
  /** Page title. */
  title: z.string().min(2),
  /** One-sentence meta description. */
  description: z.string().min(10).max(300),
  /** The day the page was last brought up to date; required of the status page (content/pages/status.md). */
  updated: calendarDay.optional(),
});

/** An entry with its body as plain text: what feeds, open data and the other exporters read. */
export interface TextEntry {
  /** The entry's id (its file name). */
  id: string;
  data: EntryData;
  /** The body as plain text. */
  text: string;
}

/** An actor with its bio as plain text: what open data and JSON-LD read. */
export interface TextActor {
  /** The actor's id (its file name). */
  id: string;
  data: ActorData;
  /** The bio as plain text. */
  text: string;
}
