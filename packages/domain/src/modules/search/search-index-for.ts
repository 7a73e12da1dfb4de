/** The search index of the database an executor speaks to. */
import { PostgresSearchIndex } from './postgres-search-index.js';
import { type SearchIndexOptions } from './search-common.js';
import { type SearchIndex } from './search-index.js';
import { type SqlExecutor } from './sql-executor.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';

export function searchIndexFor(exec: SqlExecutor, options: SearchIndexOptions = {}): SearchIndex {
  return exec.dialect === 'postgresql'
    ? new PostgresSearchIndex(exec, options)
    : new SqliteSearchIndex(exec, options);
}
