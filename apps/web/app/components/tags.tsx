import { Link } from '@remix-run/react';
import { useT } from '../lib/use-app';

/** A record's tags as links to the links filtered by that tag. */
export function Tags({ tags }: { tags: readonly { name: string }[] }) {
  const { t } = useT();
  if (tags.length === 0) return null;
  return (
    <div className="tags">
      <span className="visually-hidden">{t('common.tags')}: </span>
      <ul>
        {tags.map((tag) => (
          <li key={tag.name}>
            <Link to={`/resources?tag=${encodeURIComponent(tag.name)}`}>{tag.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
