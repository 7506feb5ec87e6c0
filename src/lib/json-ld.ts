/** Schema.org JSON-LD for entry and actor pages (https://schema.org/Event, /Person, /Organization). Pure. */
import { formatEventDate } from './dates';
import { formatPlace } from './labels';
import { sourceOutlet } from './sources';
import { absoluteUrl, actorPath, entryPath, sharePath } from './paths';
import { rolesInTime } from './actors';
import type { ActorData, EntryData, TextActor } from './schema';

/** Schema.org JSON-LD for an entry page: an Event, with its place and participants. */
export function entryJsonLd(e: { id: string; data: EntryData }, actors: readonly { id: string; data: ActorData }[]) {
  const d = e.data;
  const url = absoluteUrl(entryPath(e.id));
  const image = absoluteUrl(sharePath(e.id));
  const place = formatPlace(d.place);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: d.title,
    description: d.summary,
    url,
    image,
    startDate: d.time && d.timeZone ? formatEventDate(d).parts[0]!.datetime : d.date,
    ...(d.endDate ? { endDate: d.endDate } : {}),
    eventStatus: 'https://schema.org/EventScheduled',
    ...(place
      ? {
          location: {
            '@type': 'Place',
            name: place,
            ...(d.place?.country
              ? {
                  address: {
                    '@type': 'PostalAddress',
                    addressCountry: d.place.country,
                    ...(d.place.city ? { addressLocality: d.place.city } : {}),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(actors.length
      ? {
          attendee: actors.map((a) => ({
            '@type': a.data.type === 'person' ? 'Person' : 'Organization',
            name: a.data.name,
          })),
        }
      : {}),
    subjectOf: d.sources.map((s) => ({
      '@type': 'NewsArticle',
      url: s.url,
      publisher: { '@type': 'Organization', name: sourceOutlet(s) },
      ...(s.title ? { headline: s.title } : {}),
    })),
  };
}

/** Schema.org JSON-LD for an actor page: a Person, or an Organization for institutions and states. */
export function actorJsonLd(a: TextActor) {
  const url = absoluteUrl(actorPath(a.id));
  const bio = a.text;
  const { current } = rolesInTime(a.data.roles);
  const person = a.data.type === 'person';
  return {
    '@context': 'https://schema.org',
    '@type': a.data.type === 'person' ? 'Person' : 'Organization',
    name: a.data.name,
    ...(a.data.aliases.length ? { alternateName: a.data.aliases } : {}),
    description: bio,
    url,
    ...(person && current.length ? { jobTitle: current.map((r) => r.title) } : {}),
    // Every role with its dates, in schema.org's role pattern (https://schema.org/Role).
    ...(person && a.data.roles.length
      ? {
          hasOccupation: a.data.roles.map((r) => ({
            '@type': 'Role',
            roleName: r.title,
            ...(r.from ? { startDate: r.from } : {}),
            ...(r.to ? { endDate: r.to } : {}),
          })),
        }
      : {}),
    ...(person ? { affiliation: { '@type': 'Organization', name: a.data.affiliation } } : {}),
  };
}
