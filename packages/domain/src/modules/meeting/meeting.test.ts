import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';
import { toHelsinkiIso } from '../../shared/time.js';

describe('MeetingService', () => {
  let t: TestDatabase;
  let curator: Actor;
  let groupId: number;
  let personIds: number[];
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
    groupId = (await t.services().groups.list())[0]!.id;
    personIds = [
      (await t.services().people.findByName('Minna Männikkö'))[0]!.id,
      (await t.services().people.findByName('Isa Kotilaine'))[0]!.id,
    ];
  });
  afterAll(() => t.close());

  const valid = () => ({
    groupId,
    title: 'Syyskokous 2019',
    startsAt: '2019-10-02T10:15',
    endsAt: '2019-10-02T15:30',
    format: 'hybrid',
    remoteTool: 'Teams',
    venue: { room: 'Nöömanni', town: 'Oulu' },
    participants: [
      { personId: personIds[0]!, roles: ['chair'] },
      { personId: personIds[1]!, roles: ['secretary'] },
    ],
    agenda: [
      { number: 1, title: 'Avaus' },
      {
        number: 2,
        title: 'Koulutukset',
        decisions: ['Sovittiin kevään koulutuksesta.'],
        actions: [{ description: 'Varataan tila.', ownerId: personIds[1]!, dueDate: '2019-11-01' }],
      },
    ],
  });

  it('records a meeting with participants, agenda, decisions and actions, in Helsinki time', async () => {
    const result = await t.services().meetings.create(curator, valid());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const meeting = result.value;
    expect(toHelsinkiIso(meeting.startsAt)).toBe('2019-10-02T10:15:00+03:00');
    expect(meeting.participants.getItems().map((p) => p.roles)).toEqual([['chair'], ['secretary']]);
    const item = meeting.agendaItems.getItems()[1]!;
    expect(item.decisions.getItems().map((d) => d.text)).toEqual([
      'Sovittiin kevään koulutuksesta.',
    ]);
    expect(item.actions.getItems()[0]).toMatchObject({
      description: 'Varataan tila.',
      dueDate: '2019-11-01',
      status: 'open',
    });
    expect(item.actions.getItems()[0]!.owner?.name).toBe('Isa Kotilaine');
  });

  it('names nested fields and writes nothing when any part is wrong', async () => {
    const tables = [
      'meeting',
      'meeting_participant',
      'agenda_item',
      'decision',
      'action_item',
      'revision',
    ];
    const before = await Promise.all(tables.map((x) => countRows(t.db, x)));
    const input = valid();
    input.participants[1]!.personId = 999_999;
    const unknown = await t.services().meetings.create(curator, input);
    expect(!unknown.ok && unknown.errors).toEqual([
      expect.objectContaining({ field: 'participants.1.personId', code: 'UNKNOWN_REFERENCE' }),
    ]);
    const broken = await t.services().meetings.create(curator, {
      ...valid(),
      startsAt: '11.3.2019 klo 13',
      endsAt: undefined,
      format: 'skype',
      agenda: [
        { number: 1, title: '' },
        { number: 1, title: 'x'.repeat(400) },
      ],
    });
    expect(
      !broken.ok && Object.fromEntries(broken.errors.map((e) => [e.field, e.code])),
    ).toMatchObject({
      startsAt: 'INVALID_DATE',
      format: 'INVALID',
      'agenda.0.title': 'REQUIRED',
      'agenda.1.title': 'TOO_LONG',
    });
    const backwards = await t
      .services()
      .meetings.create(curator, { ...valid(), endsAt: '2019-10-01T10:00' });
    expect(!backwards.ok && backwards.errors[0]).toMatchObject({
      field: 'endsAt',
      code: 'INVALID_DATE',
    });
    expect(await Promise.all(tables.map((x) => countRows(t.db, x)))).toEqual(before);
  });

  it('refuses a stale edit and records the one that won', async () => {
    const created = await t.services().meetings.create(curator, {
      ...valid(),
      title: 'Kevätkokous 2020',
      startsAt: '2020-03-02T10:00',
      endsAt: null,
    });
    if (!created.ok) throw new Error('create failed');
    const { id } = created.value;
    const first = await t
      .services()
      .meetings.update(curator, { id, version: 1, status: 'cancelled', summary: 'Peruttu.' });
    expect(first.ok && [first.value.status, first.value.version]).toEqual(['cancelled', 2]);
    const second = await t
      .services()
      .meetings.update(curator, { id, version: 1, title: 'Toinen muokkaus' });
    expect(!second.ok && second.errors[0]).toMatchObject({ field: 'version', code: 'CONFLICT' });
    const history = await t.services().revisions.history('Meeting', id);
    expect(history.map((r) => r.action)).toEqual(['create', 'update']);
    expect(history[1]!.changes).toEqual({
      status: { from: 'held', to: 'cancelled' },
      summary: { from: null, to: 'Peruttu.' },
    });
  });

  it('replaces participants and agenda as a whole, in one revision, or not at all', async () => {
    const created = await t.services().meetings.create(curator, {
      ...valid(),
      title: 'Korvattava',
      startsAt: '2021-01-01T10:00',
      endsAt: null,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const { id } = created.value;
    const bad = await t.services().meetings.update(curator, {
      id,
      version: 1,
      agenda: [{ number: 1, title: 'Uusi', actions: [{ description: 'x', ownerId: 999_999 }] }],
    });
    expect(!bad.ok && bad.errors).toEqual([
      expect.objectContaining({ field: 'agenda.0.actions.0.ownerId', code: 'UNKNOWN_REFERENCE' }),
    ]);
    expect(
      (await t.services().meetings.get(id)).agendaItems.getItems().map((a) => a.title),
    ).toEqual(['Avaus', 'Koulutukset']);

    const updated = await t.services().meetings.update(curator, {
      id,
      version: 1,
      participants: [{ personId: personIds[1]!, roles: ['chair', 'secretary'] }],
      agenda: [
        { number: 1, title: 'Avaus' },
        {
          number: 2,
          title: 'Mentorointi',
          decisions: ['Päätettiin aloittaa.'],
          actions: [
            { description: 'Kysytään mentoreita.', ownerId: personIds[0]!, status: 'in_progress' },
          ],
        },
      ],
    });
    if (!updated.ok) throw new Error(JSON.stringify(updated.errors));
    const meeting = await t.services().meetings.get(id);
    expect(meeting.version).toBe(2);
    expect(meeting.participants.getItems().map((p) => [p.person.id, p.roles])).toEqual([
      [personIds[1], ['chair', 'secretary']],
    ]);
    expect(meeting.agendaItems.getItems().map((a) => a.title)).toEqual(['Avaus', 'Mentorointi']);
    expect(meeting.agendaItems.getItems()[1]!.actions.getItems()[0]).toMatchObject({
      status: 'in_progress',
    });
    const history = await t.services().revisions.history('Meeting', id);
    expect(history.map((r) => r.action)).toEqual(['create', 'update']);
    expect(Object.keys(history[1]!.changes).sort()).toEqual(['agenda', 'participants']);
  });

  it('lists meetings newest first within a period', async () => {
    const [items] = await t
      .services()
      .meetings.list({ from: new Date('2019-01-01'), to: new Date('2019-12-31') });
    expect(items.map((m) => m.title)).toEqual([
      'Syyskokous 2019',
      'Työryhmän kokous 17.5.2019',
      'Työryhmän kokous 11.3.2019',
    ]);
  });
});
