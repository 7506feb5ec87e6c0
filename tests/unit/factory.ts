/** Builders of valid test data, so each test states only what it is about. */
import type { ActorData, EntryData, PhaseData } from '../../src/lib/schema';

/** An entry with sensible defaults and the given overrides. */
export function entry(id: string, data: Partial<EntryData> = {}) {
  const date = data.date ?? /^\d{4}-\d{2}-\d{2}/.exec(id)?.[0] ?? '2025-05-16';
  const full: EntryData = {
    title: `Entry ${id}`,
    summary: `Summary of ${id}.`,
    date,
    datePrecision: 'day',
    actors: ['a'],
    kind: 'talks',
    topics: [],
    sources: [{ outlet: 'Outlet', url: 'https://example.org/a' }],
    importance: 'minor',
    confidence: 'confirmed',
    related: [],
    unconfirmedActors: [],
    draft: false,
    corrections: [],
    ...data,
  };
  return { id, file: `content/entries/${date.slice(0, 4)}/${id}.mdx`, data: full };
}

/** An actor with defaults. */
export function actor(id: string, data: Partial<ActorData> = {}) {
  return {
    id,
    file: `content/actors/${id}.md`,
    data: {
      name: id.toUpperCase(),
      aliases: [],
      type: 'person',
      affiliation: 'Ukraine',
      roles: [],
      ...data,
    } as ActorData,
  };
}

/** A phase. */
export function phase(id: string, start: string, end?: string): PhaseData {
  return end
    ? { id, title: `Phase ${id}`, start, end, intro: 'An introduction.' }
    : { id, title: `Phase ${id}`, start, intro: 'An introduction.' };
}
