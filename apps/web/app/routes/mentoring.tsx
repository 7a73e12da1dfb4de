import { type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { CoverageChart } from '../components/coverage-chart';
import { MentoringDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formatCalendarDate } from '../lib/format';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'mentoring.title');

export async function loader() {
  const result = await gql(MentoringDocument, {});
  return { programmes: result.mentoringProgrammes.nodes, visits: result.workVisits.nodes };
}

export default function Mentoring() {
  const { programmes, visits } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <>
      <h1>{t('mentoring.title')}</h1>
      <p className="lead">{t('mentoring.intro')}</p>
      <section aria-labelledby="programmes">
        <h2 id="programmes">{t('mentoring.programmes')}</h2>
        {programmes.map((p) => (
          <article key={p.id} id={p.id} className="card programme">
            <h3>{p.name}</h3>
            <p className="meta">
              {[
                p.organiser?.name,
                p.startYear && p.endYear && p.endYear !== p.startYear
                  ? `${p.startYear}–${p.endYear}`
                  : p.startYear,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {p.description ? <p>{p.description}</p> : null}
            {p.url ? (
              <p>
                <a href={p.url} rel="noopener noreferrer">
                  {p.url}
                </a>
              </p>
            ) : null}
            <CoverageChart
              name={p.name}
              computed={{
                days: p.coverage.days,
                libraries: p.coverage.libraries,
                bookmobiles: p.coverage.bookmobiles,
              }}
              reported={p.reportedCoverage ?? null}
            />
          </article>
        ))}
      </section>
      <section aria-labelledby="visits">
        <h2 id="visits">{t('mentoring.visits')}</h2>
        {visits.length === 0 ? <p>{t('mentoring.noVisits')}</p> : null}
        <ul className="cards">
          {visits.map((v) => (
            <li key={v.id} id={v.id} className="card">
              <h3>{v.title}</h3>
              <p className="meta">
                {formatCalendarDate(v.startDate)}
                {v.endDate && v.endDate !== v.startDate
                  ? `–${formatCalendarDate(v.endDate)}`
                  : ''}{' '}
                · {t('mentoring.days')}: {v.days}
                {v.visitorOrganisation
                  ? ` · ${t('mentoring.visitor')}: ${v.visitorOrganisation.name}`
                  : ''}
              </p>
              {v.goals ? <p>{v.goals}</p> : null}
              {v.lessons ? <p>{v.lessons}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
