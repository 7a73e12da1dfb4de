import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ introspection: true });
  });
  afterAll(() => api.close());

  it('passes every MUST audit', async () => {
    const results = await Promise.all(
      serverAudits({ url: `${api.url}/graphql` }).map((audit) => audit.fn()),
    );
    const failedMusts = results.filter((r) => r.status === 'error');
    const warnings = results.filter((r) => r.status === 'warn').length;
    console.log(
      `graphql-http audits: ${results.length} run, ${failedMusts.length} MUST failures, ${warnings} SHOULD warnings`,
    );
    expect(failedMusts.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
  });
});
