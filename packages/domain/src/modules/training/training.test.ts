import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';

describe('TrainingService', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('plans a training with alternative sessions and a programme', async () => {
    const result = await t.services().trainings.create(curator, {
      title: 'Asiakaspalvelukoulutus syksy 2020',
      kind: 'customer_service',
      season: 'autumn',
      year: 2020,
      remoteParticipation: true,
      sessions: [
        { startsAt: '2020-10-05T09:00', endsAt: '2020-10-05T15:00', venue: { town: 'Oulu' } },
        { venue: { town: 'Ylivieska' }, alternativeGroup: 1 },
        { venue: { town: 'Nivala' }, alternativeGroup: 1 },
      ],
      programme: [{ title: 'Vuorovaikutus asiakaspalvelussa' }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.status).toBe('idea');
    expect(result.value.sessions.getItems().map((s) => s.venue.town)).toEqual([
      'Oulu',
      'Ylivieska',
      'Nivala',
    ]);
  });

  it('names invalid fields and saves nothing', async () => {
    const before = await countRows(t.db, 'training');
    const result = await t.services().trainings.create(curator, {
      title: '',
      kind: 'yoga',
      season: 'summer',
      year: 1066,
      status: 'maybe',
      organiserId: 999_999,
      sessions: [{ startsAt: 'tomorrow' }],
    });
    expect(!result.ok && Object.fromEntries(result.errors.map((e) => [e.field, e.code]))).toEqual({
      title: 'REQUIRED',
      kind: 'INVALID',
      season: 'INVALID',
      year: 'TOO_SMALL',
      status: 'INVALID',
      'sessions.0.startsAt': 'INVALID_DATE',
    });
    const unknown = await t.services().trainings.create(curator, {
      title: 'X',
      kind: 'other',
      year: 2020,
      organiserId: 999_999,
    });
    expect(!unknown.ok && unknown.errors).toEqual([
      expect.objectContaining({ field: 'organiserId', code: 'UNKNOWN_REFERENCE' }),
    ]);
    expect(await countRows(t.db, 'training')).toBe(before);
  });

  it('moves a training from planned to scheduled, refusing a stale edit', async () => {
    const [trainings] = await t.services().trainings.list({ year: 2019, season: 'spring' });
    const spring = trainings[0]!;
    const ok = await t
      .services()
      .trainings.update(curator, { id: spring.id, version: spring.version, status: 'scheduled' });
    expect(ok.ok && ok.value.status).toBe('scheduled');
    const stale = await t
      .services()
      .trainings.update(curator, { id: spring.id, version: spring.version, status: 'held' });
    expect(!stale.ok && stale.errors[0]?.code).toBe('CONFLICT');
    const history = await t.services().revisions.history('Training', spring.id);
    expect(history.map((r) => [r.version, r.action, r.actor?.id ?? null])).toEqual([
      [1, 'create', null],
      [2, 'update', curator.kind === 'user' ? curator.userId : -1],
    ]);
    expect(history[0]!.note).toBe('seed');
  });
});
