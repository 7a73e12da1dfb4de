import {
  type LinksFunction,
  type MetaFunction,
  type LoaderFunctionArgs,
  data,
} from '@remix-run/node';
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useSearchParams,
} from '@remix-run/react';
import { type ReactNode } from 'react';
import { ViewerDocument } from './graphql/__generated__/graphql';
import { UnauthenticatedError, gql } from './lib/api.server';
import { LANGS, translate } from './lib/i18n';
import { requestLang } from './lib/lang.server';
import { commitSession, ensureCsrfToken, getSession } from './lib/session.server';
import { type RootData, titleMeta, useRootData, useT } from './lib/use-app';
import { CsrfField } from './components/form';
import styles from './styles.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, null);

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await requestLang(request);
  const session = await getSession(request);
  const { token: csrf, created } = ensureCsrfToken(session);
  let viewer: RootData['viewer'] = null;
  let changed = created;
  const token = session.get('token');
  if (token) {
    try {
      const result = await gql(ViewerDocument, {}, token);
      viewer = result.viewer.user
        ? {
            name: result.viewer.user.name,
            canCurate: result.viewer.canCurate,
            personId: result.viewer.user.person?.id ?? null,
            isAdmin: result.viewer.isAdmin,
          }
        : null;
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      // The token expired or was revoked elsewhere: forget it.
      session.unset('token');
      changed = true;
    }
  }
  const flash = session.get('flash') ?? null;
  if (flash) changed = true;
  const body: RootData = { lang, csrf, viewer, flash };
  return data(body, changed ? { headers: { 'Set-Cookie': await commitSession(session) } } : {});
}

/** The language switcher: links that set the language cookie and come back here. */
function LanguageSwitcher() {
  const { lang, t } = useT();
  const location = useLocation();
  const [params] = useSearchParams();
  params.delete('lang');
  const query = params.toString();
  const back = `${location.pathname}${query ? `?${query}` : ''}`;
  return (
    <nav className="languages" aria-label={t('lang.label')}>
      <ul>
        {LANGS.map((code) => (
          <li key={code}>
            <a
              href={`/lang?to=${code}&back=${encodeURIComponent(back)}`}
              lang={code}
              hrefLang={code}
              aria-current={code === lang ? 'true' : undefined}
            >
              {translate(code, `lang.${code}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Header() {
  const { t } = useT();
  const { viewer } = useRootData();
  const [params] = useSearchParams();
  const location = useLocation();
  return (
    <header className="site-header">
      <div className="header-top">
        <Link to="/" className="site-name">
          {t('site.name')}
        </Link>
        <div className="header-tools">
          <LanguageSwitcher />
          {viewer ? (
            <Form method="post" action="/sign-out" className="sign-out">
              <CsrfField />
              <span className="signed-in">{t('auth.signedInAs', { name: viewer.name })}</span>{' '}
              <button type="submit" className="link-button">
                {t('auth.signOut')}
              </button>
            </Form>
          ) : (
            <Link to="/sign-in" className="sign-in-link">
              {t('auth.signIn')}
            </Link>
          )}
        </div>
      </div>
      <div className="header-search">
        <Form method="get" action="/search" role="search" aria-label={t('search.label')}>
          <label htmlFor="header-q" className="visually-hidden">
            {t('search.label')}
          </label>
          <input
            id="header-q"
            name="q"
            type="search"
            defaultValue={location.pathname === '/search' ? (params.get('q') ?? '') : ''}
            key={location.pathname === '/search' ? 'search' : 'other'}
            placeholder={t('search.label')}
          />
          <button type="submit">{t('search.button')}</button>
        </Form>
      </div>
      <nav className="main-nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/resources">{t('nav.resources')}</NavLink>
          </li>
          <li>
            <NavLink to="/best-practices">{t('nav.bestPractices')}</NavLink>
          </li>
          <li>
            <NavLink to="/ideas">{t('nav.ideas')}</NavLink>
          </li>
          <li>
            <NavLink to="/meetings">{t('nav.meetings')}</NavLink>
          </li>
          <li>
            <NavLink to="/actions">{t('nav.actions')}</NavLink>
          </li>
          <li>
            <NavLink to="/trainings">{t('nav.trainings')}</NavLink>
          </li>
          <li>
            <NavLink to="/mentoring">{t('nav.mentoring')}</NavLink>
          </li>
          <li>
            <NavLink to="/organisations">{t('nav.organisations')}</NavLink>
          </li>
          <li>
            <NavLink to="/tags">{t('nav.tags')}</NavLink>
          </li>
          {viewer?.canCurate ? (
            <li>
              <NavLink to="/archive">{t('nav.archive')}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { lang, t } = useT();
  const { flash } = useRootData();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t('skip.toMain')}
        </a>
        <Header />
        <main id="main" tabIndex={-1}>
          {flash ? (
            <p className="flash" role="status">
              {flash}
            </p>
          ) : null}
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('site.tagline')}</p>
          <p>
            <Link to="/accessibility">{t('nav.accessibility')}</Link>
          </p>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <>
      <h1>{notFound ? t('error.notFound') : t('error.unexpected')}</h1>
      <p>{notFound ? t('error.notFoundText') : t('error.unexpectedText')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </>
  );
}
