// Shared ESLint flat config: type-aware TypeScript rules for every package.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { akePlugin } from './rules/no-sql-interpolation.js';

/** @param {string} tsconfigRootDir the package folder, so type-aware rules find its tsconfig */
export function baseConfig(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['dist/**', 'coverage/**', '**/*.generated.ts', '**/__generated__/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      plugins: { ake: akePlugin },
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: { projectService: true, tsconfigRootDir },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
        ],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/switch-exhaustiveness-check': [
          'error',
          { considerDefaultExhaustiveForUnions: true },
        ],
        eqeqeq: ['error', 'smart'],
        // Values reach SQL as bound parameters only (issue 13); see rules/no-sql-interpolation.js.
        'ake/no-sql-interpolation': 'error',
      },
    },
    {
      files: ['**/*.js', '**/*.mjs'],
      ...tseslint.configs.disableTypeChecked,
    },
  );
}
