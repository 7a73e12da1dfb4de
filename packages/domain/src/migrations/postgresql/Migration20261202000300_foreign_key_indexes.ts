import { Migration } from '@mikro-orm/migrations';

/**
 * An index on every foreign key column that no index starts with (hand-written from the
 * catalogue). MikroORM creates them on SQLite but not on PostgreSQL, where a lookup of a
 * record's children (agenda items of a meeting, checks of a link, tags of a resource) or the
 * check behind a delete would otherwise read the whole child table.
 */
export class Migration20261202000300 extends Migration {
  override async up(): Promise<void> {
    for (const sql of [
      'create index "action_item_agenda_item_id_index" on "action_item" (agenda_item_id);',
      'create index "action_item_owner_id_index" on "action_item" (owner_id);',
      'create index "api_token_user_id_index" on "api_token" (user_id);',
      'create index "best_practice_created_by_id_index" on "best_practice" (created_by_id);',
      'create index "best_practice_origin_organisation_id_index" on "best_practice" (origin_organisation_id);',
      'create index "best_practice_resource_resource_id_index" on "best_practice_resource" (resource_id);',
      'create index "best_practice_source_agenda_item_id_index" on "best_practice" (source_agenda_item_id);',
      'create index "best_practice_source_meeting_id_index" on "best_practice" (source_meeting_id);',
      'create index "best_practice_tag_tag_id_index" on "best_practice_tag" (tag_id);',
      'create index "best_practice_updated_by_id_index" on "best_practice" (updated_by_id);',
      'create index "decision_agenda_item_id_index" on "decision" (agenda_item_id);',
      'create index "development_idea_created_by_id_index" on "development_idea" (created_by_id);',
      'create index "development_idea_source_agenda_item_id_index" on "development_idea" (source_agenda_item_id);',
      'create index "development_idea_source_meeting_id_index" on "development_idea" (source_meeting_id);',
      'create index "development_idea_tag_tag_id_index" on "development_idea_tag" (tag_id);',
      'create index "development_idea_updated_by_id_index" on "development_idea" (updated_by_id);',
      'create index "group_membership_organisation_id_index" on "group_membership" (organisation_id);',
      'create index "group_membership_person_id_index" on "group_membership" (person_id);',
      'create index "link_check_resource_id_index" on "link_check" (resource_id);',
      'create index "meeting_created_by_id_index" on "meeting" (created_by_id);',
      'create index "meeting_group_id_index" on "meeting" (group_id);',
      'create index "meeting_next_meeting_id_index" on "meeting" (next_meeting_id);',
      'create index "meeting_participant_organisation_id_index" on "meeting_participant" (organisation_id);',
      'create index "meeting_participant_person_id_index" on "meeting_participant" (person_id);',
      'create index "meeting_updated_by_id_index" on "meeting" (updated_by_id);',
      'create index "meeting_venue_organisation_id_index" on "meeting" (venue_organisation_id);',
      'create index "mentoring_pair_mentee_id_index" on "mentoring_pair" (mentee_id);',
      'create index "mentoring_pair_mentor_id_index" on "mentoring_pair" (mentor_id);',
      'create index "mentoring_pair_programme_id_index" on "mentoring_pair" (programme_id);',
      'create index "mentoring_programme_contact_id_index" on "mentoring_programme" (contact_id);',
      'create index "mentoring_programme_created_by_id_index" on "mentoring_programme" (created_by_id);',
      'create index "mentoring_programme_organiser_id_index" on "mentoring_programme" (organiser_id);',
      'create index "mentoring_programme_source_meeting_id_index" on "mentoring_programme" (source_meeting_id);',
      'create index "mentoring_programme_updated_by_id_index" on "mentoring_programme" (updated_by_id);',
      'create index "organisation_membership_network_id_index" on "organisation_membership" (network_id);',
      'create index "organisation_parent_id_index" on "organisation" (parent_id);',
      'create index "person_organisation_id_index" on "person" (organisation_id);',
      'create index "programme_item_presenter_id_index" on "programme_item" (presenter_id);',
      'create index "programme_item_training_id_index" on "programme_item" (training_id);',
      'create index "resource_created_by_id_index" on "resource" (created_by_id);',
      'create index "resource_organisation_id_index" on "resource" (organisation_id);',
      'create index "resource_source_agenda_item_id_index" on "resource" (source_agenda_item_id);',
      'create index "resource_source_meeting_id_index" on "resource" (source_meeting_id);',
      'create index "resource_tag_tag_id_index" on "resource_tag" (tag_id);',
      'create index "resource_updated_by_id_index" on "resource" (updated_by_id);',
      'create index "revision_actor_id_index" on "revision" (actor_id);',
      'create index "tag_created_by_id_index" on "tag" (created_by_id);',
      'create index "tag_updated_by_id_index" on "tag" (updated_by_id);',
      'create index "training_coordinator_id_index" on "training" (coordinator_id);',
      'create index "training_created_by_id_index" on "training" (created_by_id);',
      'create index "training_organiser_id_index" on "training" (organiser_id);',
      'create index "training_partner_id_index" on "training" (partner_id);',
      'create index "training_session_training_id_index" on "training_session" (training_id);',
      'create index "training_session_venue_organisation_id_index" on "training_session" (venue_organisation_id);',
      'create index "training_source_meeting_id_index" on "training" (source_meeting_id);',
      'create index "training_trainer_id_index" on "training" (trainer_id);',
      'create index "training_updated_by_id_index" on "training" (updated_by_id);',
      'create index "user_account_person_id_index" on "user_account" (person_id);',
      'create index "work_visit_created_by_id_index" on "work_visit" (created_by_id);',
      'create index "work_visit_host_id_index" on "work_visit" (host_id);',
      'create index "work_visit_programme_id_index" on "work_visit" (programme_id);',
      'create index "work_visit_updated_by_id_index" on "work_visit" (updated_by_id);',
      'create index "work_visit_visitor_id_index" on "work_visit" (visitor_id);',
      'create index "work_visit_visitor_organisation_id_index" on "work_visit" (visitor_organisation_id);',
      'create index "working_group_host_id_index" on "working_group" (host_id);',
    ]) {
      this.addSql(sql);
    }
  }
}
