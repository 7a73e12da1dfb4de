import { baseConfig } from '@ake/eslint-config/base';

export default [
  { ignores: ['dist/**', 'app/graphql/__generated__/**', 'public/**'] },
  ...baseConfig(import.meta.dirname),
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Remix routes throw Responses (404, redirects), rendered by the ErrorBoundary.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'Response' },
            { from: 'package', package: '@remix-run/server-runtime', name: 'TypedResponse' },
          ],
        },
      ],
    },
  },
];
