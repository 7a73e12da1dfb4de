// The rule against values in SQL text: what it must catch (string-built SQL as the hostile run
// found it in the logs, `json_each(d.tags) t where t.value in ('…')`) and what it must let be.
// Runs in the lint task (`node --test`), so a rule that stops catching fails the lint.
import { describe, it } from 'node:test';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { noSqlInterpolation } from './no-sql-interpolation.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

const error = { messageId: 'interpolated' };

tester.run('no-sql-interpolation', noSqlInterpolation, {
  valid: [
    // Bound values, placeholders, constants, checked names, fragments.
    "exec.all('select * from tag where name = ?', [name]);",
    'exec.all(`select * from tag where id in (${placeholders(ids.length)})`, ids);',
    "exec.all(`select * from t where id in (${ids.map(() => '?').join(', ')})`, ids);",
    'const tags = placeholders(filter.tags.length); const sql = `exists (select 1 from json_each(d.tags) t where t.value in (${tags}))`;',
    'const RANK = `bm25(search_fts, ${WEIGHTS.title})`; exec.all(`select ${RANK} from search_fts where x = ?`, [q]);',
    'exec.all(`select id from ${sqlIdentifier(table)} where archived_at is null`);',
    'const q = (name) => quoteIdentifier(dialect, name); exec.all(`select count(*) from ${q(table.name)}`);',
    "const q = (name) => quoteIdentifier(dialect, name); run(`insert into ${q(name)} (${columns.map(q).join(', ')}) values (?)`, row);",
    'exec.all(`select d.id from search_document d where ${where.sql} limit ?`, [...where.params, limit]);',
    "exec.all(`select id from m where ${broken ? 'id in' : 'id not in'} (select 1)`);",
    "const SQL = `c as (select ${CLOSED_FACETS.map(([field, value], i) => `sum(${field} = '${value}') as c${i}`).join(', ')} from m)`;",
    "const triggers = (['insert', 'update'] as const).map((event) => `create trigger t_${event} after ${event} on x begin select 1; end;`);",
    'em.find(Resource, { [raw((alias) => `${alias}.id in (select resource_id from link_check where status = ?)`, [s])]: [] });',
    // Not SQL at all.
    'const message = `No resource with id ${missing}`;',
    'map.get(`${doc.type}:${doc.id}`);',
    'console.log(`  (${mismatches} queries where GraphQL and the service disagreed)`);',
    // SQL text by name, checked where it is built; keys of a constant.
    "const tierSql = (c) => { const types = Object.keys(TYPE_WEIGHTS).map((t) => `'${t}'`); return `(case when ${sqlIdentifier(c)} in (${types.join(', ')}) then 2 else 0 end)`; }; exec.all(`select ${tierSql('d.type')} from d where x = ?`, [x]);",
    'const insertOrIgnore = (sql) => `${sql} on conflict do nothing`;',
  ],
  invalid: [
    // The hostile run's log: tag values quoted into the SQL text.
    {
      code: "exec.all(`select d.id from search_document d where exists (select 1 from json_each(d.tags) t where t.value in ('${filter.tags.join(\"', '\")}'))`);",
      errors: [error],
    },
    {
      code: "const list = tags.map((t) => `'${t.replace(/'/g, \"''\")}'`).join(', '); exec.all(`select * from tag where name in (${list})`);",
      errors: [error],
    },
    {
      code: "connection.execute(`select * from resource where title = '${title}'`);",
      errors: [error],
    },
    {
      code: "connection.execute('select * from resource where title = ' + title);",
      errors: [error],
    },
    // The CLI's backup once quoted a file name into VACUUM INTO by hand.
    {
      code: "db.em.getConnection().execute(`vacuum into '${out.replace(/'/g, \"''\")}'`, [], 'run');",
      errors: [error],
    },
    { code: 'knex.raw(`update resource set title = ${title} where id = 1`);', errors: [error] },
    { code: 'const sql = `delete from tag where slug = ${slug}`;', errors: [error] },
    { code: 'const where = `d.language in (${languages})`; exec.all(where);', errors: [error] },
    // A shorthand that passes its argument through is no check.
    {
      code: 'const f = (x) => x; exec.all(`select * from ${f(table)} where id = ?`, [id]);',
      errors: [error],
    },
    // Items of a list that is not a constant are values.
    {
      code: "exec.all(`select * from t where ${values.map((v) => `x = ${v}`).join(' or ')}`);",
      errors: [error],
    },
    // The keys of something that is not a constant are values.
    {
      code: "const list = Object.keys(input).map((k) => `'${k}'`); exec.all(`select * from t where k in (${list.join(', ')})`);",
      errors: [error],
    },
    // A parameter is a value, unless MikroORM's raw() hands it over as the alias.
    { code: 'const byName = (name) => `select * from tag where name = ${name}`;', errors: [error] },
  ],
});
