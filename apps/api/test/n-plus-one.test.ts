import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@ake/domain';
import { Meeting, createServices } from '@ake/domain/orm';
import { type TestApi, startTestApi } from './server.js';

const PAGE = `query($first: Int!) {
  resources(first: $first) {
    totalCount
    nodes { title url tags { name } createdBy { name } updatedBy { name } sourceMeeting { title startsAt } organisation { name } }
  }
}`;

describe('no N+1: a page costs the same SQL whatever its size', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ countStatements: true });
    const system = systemActor('test');
    const services = createServices(api.db.em.fork());
    const user = await services.users.create(system, {
      email: 'tekija@example.org',
      name: 'Tekijä',
      role: 'curator',
    });
    if (!user.ok) throw new Error('user');
    const curator = { kind: 'user' as const, userId: user.value.id, role: 'curator' as const };
    const meeting = await api.db.em
      .fork()
      .findOneOrFail(Meeting, { title: 'Työryhmän kokous 11.3.2019' });
    for (let i = 0; i < 60; i++) {
      const r = await createServices(api.db.em.fork()).resources.create(curator, {
        url: `https://example.org/resurssi/${i}`,
        title: `Resurssi ${i}`,
        tags: [`aihe ${i % 7}`, `sarja ${i % 3}`],
        sourceMeetingId: i % 2 ? meeting.id : null,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
  });
  afterAll(() => api.close());

  async function statementsFor(first: number): Promise<number> {
    const before = api.statements.length;
    const r = await api.gql<{ resources: { nodes: { tags: unknown[] }[] } }>(PAGE, { first });
    expect(r.errors).toBeUndefined();
    expect(r.data!.resources.nodes).toHaveLength(first);
    expect(r.data!.resources.nodes.every((n) => n.tags.length > 0)).toBe(true);
    return api.statements.length - before;
  }

  it('runs a fixed, small number of statements for 5, 10 and 50 resources', async () => {
    const counts = [await statementsFor(5), await statementsFor(10), await statementsFor(50)];
    console.log(
      `SQL statements for pages of 5, 10, 50 resources with nested fields: ${counts.join(', ')}`,
    );
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(8);
  });
});
