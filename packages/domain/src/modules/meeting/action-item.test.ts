import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { ANONYMOUS, type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { type Meeting } from './meeting.entity.js';
import { meetingStatusAt } from './meeting.schema.js';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('ActionItemService', () => {
  let t: TestDatabase;
  let curator: Actor;
  let groupId: number;
  let people: number[];
  let orgId: number;
  let earlier: Meeting;
  let later: Meeting;

  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
    groupId = (await t.services().groups.list())[0]!.id;
    people = [
      (await t.services().people.findByName('Minna Männikkö'))[0]!.id,
      (await t.services().people.findByName('Isa Kotilaine'))[0]!.id,
    ];
    orgId = (await t.db.em.fork().findOneOrFail(Organisation, { id: { $gt: 0 } })).id;
    earlier = unwrap(
      await t.services().meetings.create(curator, {
        groupId,
        title: 'Tehtäväkokous 1',
        startsAt: '2030-01-10T13:00',
        format: 'remote',
        status: 'planned',
        participants: [{ personId: people[1]!, organisationId: orgId }],
        agenda: [
          {
            number: 1,
            title: 'Koulutukset',
            actions: [
              {
                description: 'Selvitetään zeppeliinikoulutuksen kouluttajat',
                ownerId: people[0]!,
                dueDate: '2030-02-01',
              },
              {
                description: 'Varataan kokoustila',
                ownerId: people[1]!,
                dueDate: '2030-01-20',
                status: 'in_progress',
              },
              { description: 'Kirjoitetaan tiedote', status: 'done' },
            ],
          },
        ],
      }),
    );
    later = unwrap(
      await t.services().meetings.create(curator, {
        groupId,
        title: 'Tehtäväkokous 2',
        startsAt: '2030-03-10T13:00',
        format: 'remote',
        status: 'planned',
        agenda: [{ number: 1, title: 'Avaus', actions: [{ description: 'Uusi tehtävä' }] }],
      }),
    );
  });
  afterAll(() => t.close());

  const descriptions = (items: { description: string }[]) => items.map((i) => i.description);

  it('lists actions across meetings by due date, filtered by status, owner, organisation and due date', async () => {
    const s = t.services().actionItems;
    const [open] = await s.list({
      statuses: ['open', 'in_progress'],
      groupId,
      meetingBefore: new Date('2031-01-01'),
    });
    const ours = descriptions(open).filter((d) => !d.startsWith('Kartoitetaan'));
    expect(ours.slice(0, 2)).toEqual([
      'Varataan kokoustila',
      'Selvitetään zeppeliinikoulutuksen kouluttajat',
    ]);
    expect(ours).toContain('Uusi tehtävä');
    expect(ours).not.toContain('Kirjoitetaan tiedote');
    // Undated actions come last.
    expect(ours.at(-1)).toBe('Uusi tehtävä');

    const [mine] = await s.list({ ownerId: people[0]! });
    expect(descriptions(mine)).toContain('Selvitetään zeppeliinikoulutuksen kouluttajat');
    expect(mine.every((a) => a.owner?.id === people[0])).toBe(true);

    // Isa represented the organisation at the meeting, whatever her home organisation is.
    const [ofOrg] = await s.list({ organisationId: orgId });
    expect(descriptions(ofOrg)).toContain('Varataan kokoustila');

    const [dueSoon] = await s.list({ dueBefore: '2030-01-25' });
    expect(descriptions(dueSoon)).toContain('Varataan kokoustila');
    expect(descriptions(dueSoon)).not.toContain('Selvitetään zeppeliinikoulutuksen kouluttajat');

    const [overdue] = await s.list({ overdue: true, now: new Date('2030-01-25T12:00:00Z') });
    expect(descriptions(overdue)).toContain('Varataan kokoustila');
    expect(descriptions(overdue)).not.toContain('Selvitetään zeppeliinikoulutuksen kouluttajat');
  });

  it("shows the open actions of the group's earlier meetings for the next one", async () => {
    const before = await t.services().actionItems.openBefore(later);
    const texts = descriptions(before);
    expect(texts).toContain('Varataan kokoustila');
    expect(texts).toContain('Selvitetään zeppeliinikoulutuksen kouluttajat');
    expect(texts).not.toContain('Kirjoitetaan tiedote');
    expect(texts).not.toContain('Uusi tehtävä');
  });

  it('closes an action as an edit of its meeting, which then leaves the open list and stays searchable', async () => {
    const s = t.services();
    const [[action]] = await s.actionItems.list({ ownerId: people[0]!, statuses: ['open'] });
    expect(action?.description).toBe('Selvitetään zeppeliinikoulutuksen kouluttajat');
    const version = (await s.meetings.get(earlier.id)).version;
    const closed = unwrap(
      await s.actionItems.setStatus(curator, { id: action!.id, status: 'done' }),
    );
    expect(closed.status).toBe('done');
    expect((await t.services().meetings.get(earlier.id)).version).toBe(version + 1);
    const [open] = await t
      .services()
      .actionItems.list({ ownerId: people[0]!, statuses: ['open', 'in_progress'] });
    expect(descriptions(open)).not.toContain('Selvitetään zeppeliinikoulutuksen kouluttajat');

    // The action's text finds its meeting.
    const found = await t.services().search.search('zeppeliinikoulutuksen');
    expect(found.edges.map((e) => `${e.type}:${e.id}`)).toEqual([`meeting:${earlier.id}`]);
  });

  it('refuses a bad status, an unknown action and anonymous callers', async () => {
    const s = t.services().actionItems;
    const bad = await s.setStatus(curator, { id: 1, status: 'finished' });
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(['status']);
    const unknown = await s.setStatus(curator, { id: 999_999, status: 'done' });
    expect(unknown.ok ? [] : unknown.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'id:UNKNOWN_REFERENCE',
    ]);
    await expect(s.setStatus(ANONYMOUS, { id: 1, status: 'done' })).rejects.toThrow(ForbiddenError);
  });
});

describe('meeting status follows time', () => {
  const at = (iso: string) => new Date(iso);
  it('shows a planned meeting as held once it is over, and keeps held and cancelled', () => {
    const now = at('2030-01-10T12:00:00Z');
    const planned = { status: 'planned' as const, startsAt: at('2030-01-10T09:00:00Z') };
    expect(meetingStatusAt({ ...planned, endsAt: at('2030-01-10T11:00:00Z') }, now)).toBe('held');
    expect(meetingStatusAt({ ...planned, endsAt: at('2030-01-10T13:00:00Z') }, now)).toBe(
      'planned',
    );
    expect(meetingStatusAt({ ...planned, endsAt: null }, now)).toBe('held');
    expect(meetingStatusAt({ status: 'planned', startsAt: at('2030-02-01T09:00:00Z') }, now)).toBe(
      'planned',
    );
    expect(
      meetingStatusAt({ status: 'cancelled', startsAt: at('2020-01-01T09:00:00Z') }, now),
    ).toBe('cancelled');
  });

  it('filters meetings by the status they show', async () => {
    const t = await openTestDatabase({ seed: true });
    try {
      const curator = await actorWithRole(t.db, 'curator');
      const groupId = (await t.services().groups.list())[0]!.id;
      const past = unwrap(
        await t.services().meetings.create(curator, {
          groupId,
          title: 'Mennyt suunniteltu kokous',
          startsAt: '2020-05-05T10:00',
          format: 'remote',
          status: 'planned',
        }),
      );
      const [held] = await t.services().meetings.list({ status: 'held' }, { limit: 100 });
      expect(held.map((m) => m.id)).toContain(past.id);
      const [planned] = await t.services().meetings.list({ status: 'planned' }, { limit: 100 });
      expect(planned.map((m) => m.id)).not.toContain(past.id);
    } finally {
      await t.close();
    }
  });
});
