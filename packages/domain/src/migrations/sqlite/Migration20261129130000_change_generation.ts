import { Migration } from '@mikro-orm/migrations';
import {
  changeGenerationTriggersSql,
  createChangeGenerationSql,
} from '../../shared/change-generation.js';

/** The tables that existed when the change generation was introduced. */
const TABLES = [
  'action_item',
  'agenda_item',
  'api_token',
  'best_practice',
  'best_practice_resource',
  'best_practice_tag',
  'decision',
  'development_idea',
  'development_idea_tag',
  'group_membership',
  'meeting',
  'meeting_participant',
  'mentoring_pair',
  'mentoring_programme',
  'organisation',
  'organisation_membership',
  'person',
  'programme_item',
  'resource',
  'resource_tag',
  'revision',
  'search_document',
  'search_meta',
  'search_term',
  'tag',
  'training',
  'training_session',
  'user_account',
  'work_visit',
  'working_group',
];

/** change_generation: a number every committed write increases, kept by triggers (hand-written). */
export class Migration20261129130000 extends Migration {
  override async up(): Promise<void> {
    for (const sql of createChangeGenerationSql()) this.addSql(sql);
    for (const table of TABLES) {
      for (const sql of changeGenerationTriggersSql(table)) this.addSql(sql);
    }
  }
}
