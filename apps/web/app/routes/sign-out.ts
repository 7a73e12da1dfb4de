/** Signs out: revokes the session's API token at the API and forgets it. POST only. */
import { type ActionFunctionArgs, redirect } from '@remix-run/node';
import { SignOutDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  requireCsrf(session, await request.formData());
  const token = session.get('token');
  if (token) {
    await gql(SignOutDocument, {}, token).catch(() => undefined);
    session.unset('token');
  }
  return redirect('/', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export function loader() {
  return redirect('/');
}
