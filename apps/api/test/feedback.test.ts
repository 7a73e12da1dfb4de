import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

const SEND = `mutation Send($input: SendAccessibilityFeedbackInput!) {
  sendAccessibilityFeedback(input: $input) { sent errors { field code message } }
}`;
const LIST = `query List($all: Boolean) {
  accessibilityFeedback(first: 10, includeHandled: $all) {
    totalCount nodes { id message email page language createdAt handledAt }
  }
}`;

interface ListData {
  accessibilityFeedback: {
    totalCount: number;
    nodes: { id: string; message: string; language: string; handledAt: string | null }[];
  };
}

describe('accessibility feedback over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('takes a message from anyone without echoing it, and names bad fields', async () => {
    const sent = await api.gql<{ sendAccessibilityFeedback: { sent: boolean; errors: unknown[] } }>(
      SEND,
      {
        input: {
          message: 'Kontrasti on heikko.',
          email: 'a@example.org',
          page: '/',
          language: 'SV',
        },
      },
    );
    expect(sent.data?.sendAccessibilityFeedback).toEqual({ sent: true, errors: [] });
    const bad = await api.gql<{
      sendAccessibilityFeedback: { sent: boolean; errors: { field: string }[] };
    }>(SEND, { input: { message: '   ', email: 'nope' } });
    expect(bad.data?.sendAccessibilityFeedback.sent).toBe(false);
    expect(bad.data?.sendAccessibilityFeedback.errors.map((e) => e.field).sort()).toEqual([
      'email',
      'message',
    ]);
  });

  it('shows messages to curators only, and marks them handled', async () => {
    const anonymous = await api.gql(LIST);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await api.gql<ListData>(LIST, {}, api.curatorToken);
    expect(list.data?.accessibilityFeedback.totalCount).toBe(1);
    const [message] = list.data!.accessibilityFeedback.nodes;
    expect(message).toMatchObject({
      message: 'Kontrasti on heikko.',
      language: 'SV',
      handledAt: null,
    });
    // Not a Node: `node(id:)` does not hand it to anyone.
    const node = await api.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
      id: message!.id,
    });
    expect(node.data?.node).toBeNull();
    const marked = await api.gql<{
      markAccessibilityFeedbackHandled: { feedback: { handledAt: string | null } | null };
    }>(
      `mutation($id: ID!) { markAccessibilityFeedbackHandled(id: $id) { feedback { handledAt } errors { field } } }`,
      { id: message!.id },
      api.curatorToken,
    );
    expect(marked.data?.markAccessibilityFeedbackHandled.feedback?.handledAt).toBeTruthy();
    const open = await api.gql<ListData>(LIST, {}, api.curatorToken);
    expect(open.data?.accessibilityFeedback.totalCount).toBe(0);
    const all = await api.gql<ListData>(LIST, { all: true }, api.curatorToken);
    expect(all.data?.accessibilityFeedback.totalCount).toBe(1);
  });
});
