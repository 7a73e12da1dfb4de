/**
 * Where a curated record came from: the meeting, and the agenda item, it was raised at. One
 * place resolves both references, for every kind of record that keeps them.
 */
import { type EntityManager } from '@mikro-orm/core';
import { optionalRef } from '../../shared/write.js';
import { AgendaItem, Meeting } from './meeting.entity.js';

export interface SourceInput {
  sourceMeetingId?: number | null;
  sourceAgendaItemId?: number | null;
}

/**
 * The source references for the fields the input gives: absent fields are left out (an edit
 * keeps them), null clears them, an unknown id is an UNKNOWN_REFERENCE error on its field.
 */
export async function sourceRefs(
  tx: EntityManager,
  input: SourceInput,
): Promise<{ sourceMeeting?: Meeting | null; sourceAgendaItem?: AgendaItem | null }> {
  const refs: { sourceMeeting?: Meeting | null; sourceAgendaItem?: AgendaItem | null } = {};
  if (input.sourceMeetingId !== undefined) {
    refs.sourceMeeting = await optionalRef(
      tx,
      Meeting,
      input.sourceMeetingId,
      'sourceMeetingId',
      'meeting',
    );
  }
  if (input.sourceAgendaItemId !== undefined) {
    refs.sourceAgendaItem = await optionalRef(
      tx,
      AgendaItem,
      input.sourceAgendaItemId,
      'sourceAgendaItemId',
      'agenda item',
    );
  }
  return refs;
}
