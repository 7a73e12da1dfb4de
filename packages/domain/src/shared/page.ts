/** Offset paging shared by list methods: at most 100 items a page. */
export interface Page {
  limit?: number;
  offset?: number;
}

export const MAX_PAGE_SIZE = 100;

/** The limit and offset to query with, clamped to sane bounds. */
export function pageWindow(page: Page = {}): { limit: number; offset: number } {
  return {
    limit: Math.max(0, Math.min(page.limit ?? 20, MAX_PAGE_SIZE)),
    offset: Math.max(0, page.offset ?? 0),
  };
}

/** Escapes `%` and `_` for a LIKE pattern that matches the text anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
