/** Helpers of routes that curate: the session's token, or off to the sign-in page. */
import { redirect } from '@remix-run/node';
import { type AppSession, getSession } from './session.server';

/** The session and its API token; redirects to /sign-in (and back) when nobody is signed in. */
export async function requireSignedIn(
  request: Request,
): Promise<{ session: AppSession; token: string }> {
  const session = await getSession(request);
  const token = session.get('token');
  if (!token) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?back=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { session, token };
}

/** A same-site path to return to, or '/': never another origin. */
export function safeBack(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
