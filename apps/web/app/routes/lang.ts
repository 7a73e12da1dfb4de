/** Sets the UI language cookie and returns to the page (works without JavaScript). */
import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { safeBack } from '../lib/auth.server';
import { isLang } from '../lib/i18n';
import { langCookie } from '../lib/lang.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to');
  const back = safeBack(url.searchParams.get('back'));
  if (!isLang(to)) return redirect(back);
  return redirect(back, { headers: { 'Set-Cookie': await langCookie.serialize(to) } });
}
