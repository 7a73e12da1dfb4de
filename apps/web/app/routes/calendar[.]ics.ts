/**
 * The training and meeting calendar, proxied from the API's /calendar.ics so the subscribe
 * link has this site's address (the API may not be reachable from staff PCs).
 */
import { type LoaderFunctionArgs } from '@remix-run/node';
import { apiOrigin } from '../lib/api.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const kind = new URL(request.url).searchParams.get('kind');
  const target = new URL('/calendar.ics', apiOrigin());
  if (kind) target.searchParams.set('kind', kind);
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000) });
  return new Response(await response.text(), {
    status: response.status,
    headers: {
      'Content-Type': response.headers.get('content-type') ?? 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="ake.ics"',
      'Cache-Control': 'public, max-age=300',
    },
  });
}
