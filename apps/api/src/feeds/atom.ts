/** The Atom feed of newly added resources (`/feeds/resources.atom`), newest first. */
import { Feed } from 'feed';
import { type Services } from '@ake/domain/orm';
import { toGlobalId } from '../ids.js';

/** The newest resources as Atom XML. */
export async function renderResourceFeed(
  services: Services,
  baseUrl: string,
  limit = 50,
): Promise<string> {
  const [resources] = await services.resources.list({}, { limit });
  const updated = resources[0]?.createdAt ?? new Date(0);
  const feed = new Feed({
    title: 'AKE-tietopankki: uudet linkit',
    description: 'Uusimmat AKE-työryhmän kokoamat linkit',
    id: `${baseUrl}/feeds/resources.atom`,
    link: baseUrl,
    language: 'fi',
    updated,
    feedLinks: { atom: `${baseUrl}/feeds/resources.atom` },
    copyright: 'AKE-tietopankki',
    generator: 'AKE-tietopankki',
  });
  for (const resource of resources) {
    feed.addItem({
      title: resource.title,
      id: `urn:ake:${toGlobalId('Resource', resource.id)}`,
      link: resource.url,
      description: resource.description ?? undefined,
      date: resource.updatedAt,
      published: resource.createdAt,
    });
  }
  return feed.atom1();
}
