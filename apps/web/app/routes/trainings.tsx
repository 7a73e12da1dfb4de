import { type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { TrainingsDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formatRange } from '../lib/format';
import { type MessageKey } from '../lib/i18n';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'trainings.title');

type Training = Awaited<ReturnType<typeof loader>>['trainings'][number];

export async function loader() {
  const result = await gql(TrainingsDocument, { first: 100 });
  return { trainings: result.trainings.nodes, today: new Date().toISOString().slice(0, 10) };
}

/** The last day of a season: spring ends in June, autumn (and a season-less year) in December. */
function seasonEnd(year: number, season: string | null | undefined): string {
  return season === 'SPRING' ? `${year}-06-30` : `${year}-12-31`;
}

interface Season {
  key: string;
  year: number;
  season: string | null;
  trainings: Training[];
}

function seasons(trainings: Training[]): Season[] {
  const map = new Map<string, Season>();
  for (const training of trainings) {
    const key = `${training.year}-${training.season ?? 'YEAR'}`;
    const entry = map.get(key) ?? {
      key,
      year: training.year,
      season: training.season ?? null,
      trainings: [],
    };
    entry.trainings.push(training);
    map.set(key, entry);
  }
  return [...map.values()].sort((a, b) =>
    seasonEnd(a.year, a.season).localeCompare(seasonEnd(b.year, b.season)),
  );
}

function TrainingCard({ training }: { training: Training }) {
  const { t, lang } = useT();
  const groups = new Map<string, Training['sessions']>();
  for (const session of training.sessions) {
    const key =
      session.alternativeGroup === null || session.alternativeGroup === undefined
        ? 'single'
        : `g${session.alternativeGroup}`;
    groups.set(key, [...(groups.get(key) ?? []), session]);
  }
  return (
    <li className="card" id={training.id}>
      <h4>{training.title}</h4>
      <p className="meta">
        <span className="status">{t(`trainingStatus.${training.status}` as MessageKey)}</span>
        {training.organiser ? ` · ${t('trainings.organiser')}: ${training.organiser.name}` : ''}
        {training.partner ? ` · ${t('trainings.partner')}: ${training.partner.name}` : ''}
      </p>
      {training.topic ? <p>{training.topic}</p> : null}
      {training.description ? <p>{training.description}</p> : null}
      {training.sessions.length ? (
        <ul className="sessions">
          {[...groups.entries()].map(([key, sessions]) => (
            <li key={key}>
              {sessions
                .map((s) =>
                  [
                    s.venue?.town ?? s.venue?.organisation?.name ?? s.venue?.building,
                    s.startsAt ? formatRange(s.startsAt, s.endsAt, lang) : null,
                  ]
                    .filter(Boolean)
                    .join(' '),
                )
                .join(' / ')}
              {sessions.length > 1 && key !== 'single' ? ` (${t('trainings.alternatives')})` : ''}
              {sessions.some((s) => s.startsAt) ? null : ` – ${t('trainings.noDate')}`}
            </li>
          ))}
        </ul>
      ) : null}
      {training.remoteParticipation ? <p>{t('trainings.remote')}</p> : null}
      {training.trainerNote ? <p className="meta">{training.trainerNote}</p> : null}
    </li>
  );
}

function SeasonList({ list }: { list: Season[] }) {
  const { t } = useT();
  if (list.length === 0) return <p>{t('trainings.none')}</p>;
  return (
    <>
      {list.map((season) => (
        <section key={season.key} aria-labelledby={`season-${season.key}`}>
          <h3 id={`season-${season.key}`}>
            {t(season.season ? (`season.${season.season}` as MessageKey) : 'season.none', {
              year: season.year,
            })}
          </h3>
          <ul className="cards">
            {season.trainings.map((training) => (
              <TrainingCard key={training.id} training={training} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export default function Trainings() {
  const { trainings, today } = useLoaderData<typeof loader>();
  const { t } = useT();
  const all = seasons(trainings);
  const coming = all.filter((s) => seasonEnd(s.year, s.season) >= today);
  const past = all.filter((s) => seasonEnd(s.year, s.season) < today).reverse();
  return (
    <>
      <h1>{t('trainings.title')}</h1>
      <p className="lead">{t('trainings.intro')}</p>
      <p className="subscribe">
        <a href="/calendar.ics?kind=training" className="button" type="text/calendar">
          {t('trainings.subscribe')}
        </a>
        <br />
        <span className="hint">{t('trainings.subscribeHint')}</span>
      </p>
      <section aria-labelledby="coming">
        <h2 id="coming">{t('trainings.coming')}</h2>
        <SeasonList list={coming} />
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{t('trainings.past')}</h2>
        <SeasonList list={past} />
      </section>
    </>
  );
}
