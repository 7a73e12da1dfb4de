/** Where a record of each type is shown. */
export function recordPath(typename: string, id: string): string {
  const e = encodeURIComponent(id);
  switch (typename) {
    case 'Resource':
      return `/resources/${e}`;
    case 'BestPractice':
      return `/best-practices/${e}`;
    case 'Meeting':
      return `/meetings/${e}`;
    case 'DevelopmentIdea':
      return `/ideas/${e}`;
    case 'Training':
      return `/trainings#${e}`;
    case 'WorkVisit':
    case 'MentoringProgramme':
      return `/mentoring#${e}`;
    case 'Organisation':
      return `/organisations#${e}`;
    default:
      return '/';
  }
}

/** The search type enum of a GraphQL typename (BestPractice → BEST_PRACTICE). */
export function searchTypeOf(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Highlighted text from the API (HTML-escaped, with <mark>): anything but <mark> tags is
 * removed, as a second line of defence, before it is put into the page.
 */
export function safeHighlight(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>?/g, '');
}
