/**
 * The iCalendar feed (`/calendar.ics`) of meetings and dated training sessions, for Outlook and
 * Google Calendar subscriptions. Times are written in UTC (`…Z`), which every client converts to
 * its own zone without needing a VTIMEZONE block.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { type Services } from '@ake/domain/orm';

export const CALENDAR_KINDS = ['meeting', 'training'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

function place(venue: {
  room?: string | null;
  building?: string | null;
  street?: string | null;
  town?: string | null;
}) {
  return [venue.room, venue.building, venue.street, venue.town].filter(Boolean).join(', ') || null;
}

const STATUS = {
  planned: ICalEventStatus.TENTATIVE,
  held: ICalEventStatus.CONFIRMED,
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/** The calendar as iCalendar text; `kinds` chooses meetings, trainings or both. */
export async function renderCalendar(
  services: Services,
  kinds: readonly CalendarKind[],
  baseUrl: string,
): Promise<string> {
  const calendar = ical({
    name: 'AKE-tietopankki: kokoukset ja koulutukset',
    description:
      'Pohjois-Pohjanmaan ja Kainuun yleisten kirjastojen AKE-työryhmän kokoukset ja koulutukset',
    prodId: { company: 'AKE-tietopankki', product: 'calendar', language: 'FI' },
    url: `${baseUrl}/calendar.ics`,
    ttl: 60 * 60,
  });
  const host = new URL(baseUrl).hostname;

  if (kinds.includes('meeting')) {
    for (let offset = 0; ; offset += 100) {
      const [meetings, total] = await services.meetings.list({}, { limit: 100, offset });
      for (const m of meetings) {
        const location = m.format === 'remote' ? (m.remoteTool ?? 'Etäkokous') : place(m.venue);
        calendar.createEvent({
          id: `meeting-${m.id}@${host}`,
          start: m.startsAt,
          end: m.endsAt ?? new Date(m.startsAt.getTime() + 60 * 60 * 1000),
          summary: m.title,
          description: m.summary ?? undefined,
          location,
          status: STATUS[m.status],
          lastModified: m.updatedAt,
          stamp: m.updatedAt,
        });
      }
      if (offset + meetings.length >= total) break;
    }
  }

  if (kinds.includes('training')) {
    for (let offset = 0; ; offset += 100) {
      const [trainings, total] = await services.trainings.list({}, { limit: 100, offset });
      for (const training of trainings) {
        await services.trainings.get(training.id).then((t) => {
          for (const session of t.sessions.getItems()) {
            if (!session.startsAt) continue;
            calendar.createEvent({
              id: `training-${t.id}-session-${session.id}@${host}`,
              start: session.startsAt,
              end: session.endsAt ?? new Date(session.startsAt.getTime() + 60 * 60 * 1000),
              summary: t.title,
              description: t.topic ?? t.description ?? undefined,
              location: session.remote ? 'Etäyhteys' : place(session.venue),
              status: STATUS[t.status as keyof typeof STATUS] ?? ICalEventStatus.TENTATIVE,
              lastModified: t.updatedAt,
              stamp: t.updatedAt,
            });
          }
        });
      }
      if (offset + trainings.length >= total) break;
    }
  }
  return calendar.toString();
}
