import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

describe('GET /health (for load balancers)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers 200 while the database answers, and 503 when it does not', async () => {
    const ok = await fetch(`${api.url}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    await api.db.close(true);
    const down = await fetch(`${api.url}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable' });
    expect(api.logs.some((line) => line.startsWith('health check'))).toBe(true);
  });
});
