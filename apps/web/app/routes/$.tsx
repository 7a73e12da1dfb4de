/** Any unknown path: a 404 rendered inside the layout, so it has the language and the header. */
export function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}
