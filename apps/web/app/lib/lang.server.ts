/** The UI language of a request: `?lang=` first, then the `lang` cookie, then Finnish. */
import { createCookie } from '@remix-run/node';
import { type Lang, isLang } from './i18n';

export const langCookie = createCookie('lang', {
  path: '/',
  sameSite: 'lax',
  maxAge: 365 * 24 * 60 * 60,
});

/** The language of a request. */
export async function requestLang(request: Request): Promise<Lang> {
  const param = new URL(request.url).searchParams.get('lang');
  if (isLang(param)) return param;
  const cookie: unknown = await langCookie.parse(request.headers.get('Cookie'));
  return isLang(cookie) ? cookie : 'fi';
}
