import { baseConfig } from '@ake/eslint-config/base';

export default baseConfig(import.meta.dirname);
