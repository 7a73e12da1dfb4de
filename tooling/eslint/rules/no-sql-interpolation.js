/**
 * `ake/no-sql-interpolation`: values reach SQL as bound parameters, never as text.
 *
 * Reports a template literal (or `+` concatenation) that is SQL — it is passed to a statement
 * runner (`execute`, `raw`, `all`, `run`, `exec`, `query`, `prepare`, `addSql`, `*Raw`), or its
 * text reads as SQL (`select … from`, `where`, `insert into`, `in (` …) — and interpolates
 * anything but what cannot carry a request's value:
 *
 * - literals, and module constants (SCREAMING_CASE, and their members: `FIELD_WEIGHTS.title`);
 * - placeholder lists: `placeholders(n)`, `xs.map(() => '?').join(', ')`, and lists mapped from
 *   a module constant (`COLUMNS.map((c) => `${c} = ?`).join(', ')`);
 * - identifiers checked at run time: `sqlIdentifier(name)`, `quoteIdentifier(…)` (and local
 *   shorthands for them), and the table alias MikroORM hands to `raw((alias) => …)`;
 * - fragments built under this same rule: `where.sql`, and SQL text by name (`sql`, `rankSql`,
 *   `typeTierSql(…)`);
 * - `a ? b : c`, nested templates and local constants made only of the above.
 *
 * Anything else (a parameter, a value, `tags.join("', '")`) is a value in the SQL text: bind it
 * with `?` instead, or, for a name from the code, pass it through `sqlIdentifier`.
 */

const RUNNERS = new Set([
  'execute',
  'raw',
  'all',
  'run',
  'exec',
  'query',
  'prepare',
  'addSql',
  'whereRaw',
  'orWhereRaw',
  'havingRaw',
  'orderByRaw',
  'joinRaw',
  'selectRaw',
]);

/** Text that reads as SQL (checked on the static parts of a template). */
const SQL_TEXT =
  /\b(select\b[\s\S]*\bfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|create\s+(unique\s+)?(table|index|schema|database|trigger|view)|drop\s+(table|index|schema|database|trigger|view)|alter\s+table|pragma\s|union\s+all\s|on\s+conflict)\b|\bin\s*\(\s*$/i;

const VETTED_CALLS = new Set(['placeholders', 'sqlIdentifier', 'quoteIdentifier']);
const CONSTANT = /^[A-Z][A-Z0-9_]*$/;
const SQL_NAME = /^(sql|[a-z][A-Za-z0-9]*Sql)$/;

function calleeName(node) {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    return node.property.name;
  }
  return null;
}

function rootOf(node) {
  let current = node;
  while (current.type === 'MemberExpression') current = current.object;
  return current;
}

function isSqlTemplate(node) {
  return node.quasis.some((q) => SQL_TEXT.test(q.value.cooked ?? q.value.raw));
}

/** Finds the const a name refers to, in the scopes around `node`. */
function constInit(context, node) {
  let scope = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(node.name);
    if (variable) {
      const def = variable.defs[0];
      if (
        def?.type === 'Variable' &&
        def.parent.kind === 'const' &&
        def.node.id.type === 'Identifier' &&
        def.node.init
      ) {
        return def.node.init;
      }
      return null;
    }
    scope = scope.upper;
  }
  return null;
}

/**
 * True when the identifier is a parameter of a callback whose arguments cannot be request
 * values: the table alias MikroORM hands to `raw((alias) => …)`, or the items of a vetted list
 * (`COLUMNS.map((column) => …)`, `(['insert', 'update'] as const).map((event) => …)`).
 */
function isVettedParameter(context, node, seen) {
  let scope = context.sourceCode.getScope(node);
  while (scope) {
    const variable = scope.set.get(node.name);
    if (variable) {
      const def = variable.defs[0];
      if (def?.type !== 'Parameter') return false;
      const fn = def.node;
      const call = fn.parent;
      if (call?.type !== 'CallExpression' || call.arguments[0] !== fn) return false;
      const name = calleeName(call.callee);
      if (name === 'raw') return true;
      return (
        name === 'map' &&
        call.callee.type === 'MemberExpression' &&
        isVetted(context, call.callee.object, seen)
      );
    }
    scope = scope.upper;
  }
  return false;
}

/** `xs.map(cb).join(…)`: a list, vetted when each item is (see isVettedParameter). */
function isVettedList(context, node, seen) {
  const mapped = node.callee.object;
  if (mapped.type !== 'CallExpression' || calleeName(mapped.callee) !== 'map') return false;
  const callback = mapped.arguments[0];
  if (callback?.type === 'Identifier') {
    // `names.map(q)` with `const q = (name) => quoteIdentifier(dialect, name)`.
    const init = constInit(context, callback);
    return (
      init?.type === 'ArrowFunctionExpression' &&
      init.body.type === 'CallExpression' &&
      isVetted(context, init.body, seen)
    );
  }
  return (
    callback?.type === 'ArrowFunctionExpression' &&
    callback.body.type !== 'BlockStatement' &&
    isVetted(context, callback.body, seen)
  );
}

function patternNames(pattern) {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ArrayPattern':
      return pattern.elements.filter(Boolean).flatMap(patternNames);
    case 'ObjectPattern':
      return pattern.properties.flatMap((p) =>
        patternNames(p.type === 'RestElement' ? p.argument : p.value),
      );
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    default:
      return [];
  }
}

function isVetted(context, node, seen = new Set()) {
  switch (node.type) {
    case 'Literal':
      return true;
    case 'ArrayExpression':
      return node.elements.every((e) => e !== null && isVetted(context, e, seen));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
      return isVetted(context, node.expression, seen);
    case 'TemplateLiteral':
      return node.expressions.every((e) => isVetted(context, e, seen));
    case 'ConditionalExpression':
      return isVetted(context, node.consequent, seen) && isVetted(context, node.alternate, seen);
    case 'BinaryExpression':
      return node.operator === '+'
        ? isVetted(context, node.left, seen) && isVetted(context, node.right, seen)
        : false;
    case 'Identifier': {
      // A constant, or SQL text by name (`sql`, `rankSql`), checked where it was built.
      if (CONSTANT.test(node.name) || SQL_NAME.test(node.name)) return true;
      if (isVettedParameter(context, node, seen)) return true;
      // `seen` holds the names on this path only (a const may be used twice; not in a cycle).
      if (seen.has(node.name)) return false;
      const init = constInit(context, node);
      return init !== null && isVetted(context, init, new Set(seen).add(node.name));
    }
    case 'MemberExpression': {
      const root = rootOf(node);
      if (root.type === 'Identifier' && isVetted(context, root, seen)) return true;
      // A fragment `{ sql, params }`: its own text is checked where it is built.
      return !node.computed && node.property.type === 'Identifier' && node.property.name === 'sql';
    }
    case 'CallExpression': {
      const name = calleeName(node.callee);
      // Vetted helpers, and SQL text by name (`typeTierSql(…)`), checked where it is built.
      if (name && (VETTED_CALLS.has(name) || SQL_NAME.test(name))) return true;
      // The keys, values or entries of a module constant are constants.
      if (
        node.callee.type === 'MemberExpression' &&
        node.callee.object.type === 'Identifier' &&
        node.callee.object.name === 'Object' &&
        ['keys', 'values', 'entries'].includes(name ?? '')
      ) {
        return node.arguments.length === 1 && isVetted(context, node.arguments[0], seen);
      }
      if (name === 'join' && node.callee.type === 'MemberExpression') {
        return (
          isVettedList(context, node, seen) ||
          (node.callee.object.type !== 'CallExpression' &&
            isVetted(context, node.callee.object, seen))
        );
      }
      if (name === 'map' && node.callee.type === 'MemberExpression') {
        return isVettedList(context, { callee: { object: node } }, seen);
      }
      // A local shorthand such as `const q = (name) => quoteIdentifier(dialect, name)`.
      if (node.callee.type === 'Identifier' && !seen.has(node.callee.name)) {
        const init = constInit(context, node.callee);
        return (
          init?.type === 'ArrowFunctionExpression' &&
          init.body.type === 'CallExpression' &&
          // Its parameters are not vetted: only a body that is a vetted call is.
          isVetted(context, init.body, new Set(seen).add(node.callee.name))
        );
      }
      return false;
    }
    default:
      return false;
  }
}

function firstUnvetted(context, node) {
  if (node.type === 'TemplateLiteral') {
    return node.expressions.find((e) => !isVetted(context, e)) ?? null;
  }
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    return firstUnvetted(context, node.left) ?? firstUnvetted(context, node.right);
  }
  if (node.type === 'Literal') return null;
  return isVetted(context, node) ? null : node;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noSqlInterpolation = {
  meta: {
    type: 'problem',
    docs: { description: 'Values go into SQL as bound parameters (?), never as text' },
    schema: [],
    messages: {
      interpolated:
        'A value is written into SQL text ({{ text }}): bind it with ? and pass it as a parameter (names from the code go through sqlIdentifier()).',
    },
  },
  create(context) {
    const reported = new Set();
    const report = (node) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({
        node,
        messageId: 'interpolated',
        data: { text: context.sourceCode.getText(node).slice(0, 60) },
      });
    };
    return {
      TemplateLiteral(node) {
        if (node.expressions.length === 0 || node.parent.type === 'TaggedTemplateExpression') {
          return;
        }
        const passed =
          node.parent.type === 'CallExpression' &&
          node.parent.arguments[0] === node &&
          RUNNERS.has(calleeName(node.parent.callee) ?? '');
        if (!passed && !isSqlTemplate(node)) return;
        const bad = firstUnvetted(context, node);
        if (bad) report(bad);
      },
      CallExpression(node) {
        const name = calleeName(node.callee);
        const sql = node.arguments[0];
        if (!name || !RUNNERS.has(name) || sql?.type !== 'BinaryExpression') return;
        const bad = firstUnvetted(context, sql);
        if (bad) report(bad);
      },
    };
  },
};

/** The plugin, for flat configs: `plugins: { ake: akePlugin }`. */
export const akePlugin = { rules: { 'no-sql-interpolation': noSqlInterpolation } };
