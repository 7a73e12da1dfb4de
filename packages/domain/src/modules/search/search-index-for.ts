/** The search index of the database an executor speaks to. */
import { PostgresSearchIndex } from './postgres-search-index.js';
import { type SearchIndex } from './search-index.js';
import { type SqlExecutor } from './sql-executor.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

export function searchIndexFor(exec: SqlExecutor): SearchIndex {
  return exec.dialect === 'postgresql'
    ? new PostgresSearchIndex(exec)
    : new SqliteSearchIndex(exec);
}
