/** All resolvers, merged: one map per module, plus the enum translations. */
import { type Resolvers } from '../__generated__/resolvers-types.js';
import { commonResolvers } from './common/resolvers.js';
import { contentResolvers } from './content/resolvers.js';
import { ENUM_VALUES } from './enums.js';
import { feedbackResolvers } from './feedback/resolvers.js';
import { historyResolvers } from './history/resolvers.js';
import { meetingResolvers } from './meeting/resolvers.js';
import { memoResolvers } from './memo/resolvers.js';
import { mentoringResolvers } from './mentoring/resolvers.js';
import { organisationResolvers } from './organisation/resolvers.js';
import { personResolvers } from './person/resolvers.js';
import { searchResolvers } from './search/resolvers.js';
import { trainingResolvers } from './training/resolvers.js';
import { userResolvers } from './user/resolvers.js';
import { workingGroupResolvers } from './working-group/resolvers.js';

const modules: Resolvers[] = [
  commonResolvers,
  userResolvers,
  organisationResolvers,
  personResolvers,
  workingGroupResolvers,
  meetingResolvers,
  trainingResolvers,
  mentoringResolvers,
  contentResolvers,
  searchResolvers,
  memoResolvers,
  feedbackResolvers,
  historyResolvers,
];

/** Merges module resolver maps type by type (Query and Mutation are shared by all modules). */
export function mergeResolvers(maps: Resolvers[]): Resolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      if (fields instanceof Object && !(Symbol.toStringTag in fields) && !('serialize' in fields)) {
        merged[type] = { ...(merged[type] ?? {}), ...(fields as Record<string, unknown>) };
      } else {
        merged[type] = fields as Record<string, unknown>;
      }
    }
  }
  return merged as Resolvers;
}

export const resolvers: Resolvers = mergeResolvers([
  ...modules,
  ENUM_VALUES as unknown as Resolvers,
]);
