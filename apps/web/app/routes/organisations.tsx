import { type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { NetworksDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { type MessageKey } from '../lib/i18n';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'organisations.title');

export async function loader() {
  const result = await gql(NetworksDocument, {});
  const networks = result.organisations.nodes;
  const inNetworks = new Set(networks.flatMap((n) => [n.id, ...n.members.map((m) => m.id)]));
  const others = result.others.nodes.filter((o) => !inNetworks.has(o.id));
  return { networks, others };
}

export default function Organisations() {
  const { networks, others } = useLoaderData<typeof loader>();
  const { t, count } = useT();
  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <p className="lead">{t('organisations.intro')}</p>
      <div className="networks">
        {networks.map((network) => (
          <section
            key={network.id}
            id={network.id}
            aria-labelledby={`n-${network.id}`}
            className="card"
          >
            <h2 id={`n-${network.id}`}>{network.name}</h2>
            <p className="meta">{count('organisations.members', network.members.length)}</p>
            <ul className="columns">
              {network.members.map((m) => (
                <li key={m.id} id={m.id}>
                  {m.name}
                  {m.kind !== 'LIBRARY' ? ` (${t(`orgKind.${m.kind}` as MessageKey)})` : ''}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      {others.length ? (
        <section aria-labelledby="others">
          <h2 id="others">{t('organisations.others')}</h2>
          <ul className="columns">
            {others.map((o) => (
              <li key={o.id} id={o.id}>
                {o.name} ({t(`orgKind.${o.kind}` as MessageKey)}
                {o.city ? `, ${o.city}` : ''})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
