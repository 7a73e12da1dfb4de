import { baseConfig } from '@ake/eslint-config/base';

export default [{ ignores: ['schema.graphql'] }, ...baseConfig(import.meta.dirname)];
