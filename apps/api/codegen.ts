/**
 * Codegen: merges the module schemas into the committed `schema.graphql` (so every schema change
 * shows in review) and generates resolver types mapped to the domain's entities.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { ENUM_VALUES } from './src/schema/enums.js';

const orm = (name: string) => `@ake/domain/orm#${name}`;

const config: CodegenConfig = {
  schema: 'src/schema/**/*.graphql',
  // The committed schema is formatted like the rest of the repo, so regenerating it in CI
  // leaves it unchanged and the format check passes.
  hooks: { afterAllFileWrite: ['prettier --write'] },
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, sort: false },
    },
    'src/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context.js#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        enumValues: ENUM_VALUES,
        mapperTypeSuffix: 'Entity',
        mappers: {
          AccessibilityFeedback: orm('AccessibilityFeedback'),
          ActionItem: orm('ActionItem'),
          AgendaItem: orm('AgendaItem'),
          ArchivedRecord: orm('ArchivedRecord'),
          BestPractice: orm('BestPractice'),
          Decision: orm('Decision'),
          DevelopmentIdea: orm('DevelopmentIdea'),
          GroupMembership: orm('GroupMembership'),
          Meeting: orm('Meeting'),
          MeetingParticipant: orm('MeetingParticipant'),
          MentoringPair: orm('MentoringPair'),
          MentoringProgramme: orm('MentoringProgramme'),
          Organisation: orm('Organisation'),
          OrganisationMembership: orm('OrganisationMembership'),
          Person: orm('Person'),
          ProgrammeItem: orm('ProgrammeItem'),
          Resource: orm('Resource'),
          Revision: orm('Revision'),
          Tag: orm('Tag'),
          Training: orm('Training'),
          TrainingSession: orm('TrainingSession'),
          User: orm('User'),
          WorkVisit: orm('WorkVisit'),
          WorkingGroup: orm('WorkingGroup'),
          Venue: '../mappers.js#VenueParent',
          Viewer: '../mappers.js#ViewerParent',
          FieldChange: '../mappers.js#FieldChangeParent',
          GroupRoleHolder: '../mappers.js#GroupRoleHolderParent',
        },
        scalars: {
          DateTime: { input: 'string', output: 'Date | string' },
          Date: { input: 'string', output: 'string' },
        },
        maybeValue: 'T | null',
        inputMaybeValue: 'T | null | undefined',
        resolverTypeWrapperSignature: 'Promise<T> | T',
        useIndexSignature: true,
      },
    },
  },
};

export default config;
