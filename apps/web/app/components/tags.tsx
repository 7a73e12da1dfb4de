import { Link } from '@remix-run/react';
import { useT } from '../lib/use-app';

/** A record's tags as links to each tag's page, which lists every kind of record with it. */
export function Tags({ tags }: { tags: readonly { name: string; slug: string }[] }) {
  const { t } = useT();
  if (tags.length === 0) return null;
  return (
    <div className="tags">
      <span className="visually-hidden">{t('common.tags')}: </span>
      <ul>
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link to={`/tags/${encodeURIComponent(tag.slug)}`}>{tag.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
