/**
 * The cookie session: signed, httpOnly, SameSite=Lax. It holds the API token of a signed-in
 * curator ("web session", expires in 14 days), the CSRF token and a one-shot flash message.
 */
import { createCookieSessionStorage, type Session } from '@remix-run/node';
import { CSRF_FIELD, createCsrfToken, csrfTokensMatch } from './csrf';

/** DEVELOPMENT ONLY: used when SESSION_SECRET is unset. Set SESSION_SECRET in production. */
const DEVELOPMENT_SECRET = 'ake-development-only-session-secret-CHANGE-ME';

interface SessionData {
  token: string;
  csrf: string;
}
interface FlashData {
  flash: string;
}

const storage = createCookieSessionStorage<SessionData, FlashData>({
  cookie: {
    name: '__ake_session',
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: process.env.COOKIE_SECURE === '1',
    maxAge: 14 * 24 * 60 * 60,
    secrets: [process.env.SESSION_SECRET ?? DEVELOPMENT_SECRET],
  },
});

export type AppSession = Session<SessionData, FlashData>;

/** The session of a request. */
export function getSession(request: Request): Promise<AppSession> {
  return storage.getSession(request.headers.get('Cookie'));
}

/** The Set-Cookie header that saves the session. */
export function commitSession(session: AppSession): Promise<string> {
  return storage.commitSession(session);
}

/** The session's CSRF token, creating one when missing (then `created` is true). */
export function ensureCsrfToken(session: AppSession): { token: string; created: boolean } {
  const existing = session.get('csrf');
  if (existing) return { token: existing, created: false };
  const token = createCsrfToken();
  session.set('csrf', token);
  return { token, created: true };
}

/**
 * Checks the hidden CSRF field of a POST against the session; throws 403 when they differ.
 * Every action calls this first.
 */
export function requireCsrf(session: AppSession, form: FormData): void {
  if (!csrfTokensMatch(session.get('csrf'), form.get(CSRF_FIELD))) {
    throw new Response('Invalid CSRF token', { status: 403 });
  }
}
