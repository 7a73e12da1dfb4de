/**
 * Codegen: typed documents for the web app's GraphQL operations, from the API's committed schema.
 * `documentMode: 'string'` keeps the runtime small: a document is its query text with types.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['app/graphql/documents/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'app/graphql/__generated__/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string' },
        avoidOptionals: false,
      },
    },
  },
};

export default config;
