/** Where a curated record lives in the web app, by its GraphQL type or `CuratedKind`. */

/** The page of a record (trainings and mentoring have list pages only). */
export function recordPath(type: string, record: { id: string; slug?: string | null }): string {
  const id = encodeURIComponent(record.id);
  switch (type) {
    case 'Resource':
      return `/resources/${id}`;
    case 'BestPractice':
      return `/best-practices/${id}`;
    case 'DevelopmentIdea':
      return `/ideas/${id}`;
    case 'Tag':
      return record.slug ? `/tags/${encodeURIComponent(record.slug)}` : '/tags';
    case 'Meeting':
      return `/meetings/${id}`;
    case 'Training':
      return '/trainings';
    default:
      return '/mentoring';
  }
}

/** The history page of a record. */
export function historyPath(id: string): string {
  return `/history/${encodeURIComponent(id)}`;
}
