import { type EntityManager } from '@mikro-orm/core';
import { type Actor, actorUserId, requireCurator } from '../../shared/actor.js';
import { type Result } from '../../shared/errors.js';
import { type Page, pageWindow } from '../../shared/page.js';
import { validate } from '../../shared/validation.js';
import { requireRef, runWrite } from '../../shared/write.js';
import { User } from '../user/user.entity.js';
import { AccessibilityFeedback } from './feedback.entity.js';
import { markFeedbackHandledInput, sendFeedbackInput } from './feedback.schema.js';

/** Accessibility feedback: anyone sends, curators read and mark handled. */
export class FeedbackService {
  constructor(private readonly em: EntityManager) {}

  /** Stores a message from the accessibility statement's form; anyone may send one. */
  async send(_actor: Actor, input: unknown): Promise<Result<AccessibilityFeedback>> {
    const parsed = validate(sendFeedbackInput, input);
    if (!parsed.ok) return parsed;
    return runWrite(this.em, (tx) => {
      const feedback = tx.create(AccessibilityFeedback, {
        ...parsed.value,
        createdAt: new Date(),
        handledAt: null,
        handledBy: null,
      });
      return Promise.resolve(feedback);
    });
  }

  /** Marks a message handled (answered, fixed or otherwise dealt with). */
  async markHandled(actor: Actor, input: unknown): Promise<Result<AccessibilityFeedback>> {
    requireCurator(actor);
    const parsed = validate(markFeedbackHandledInput, input);
    if (!parsed.ok) return parsed;
    return runWrite(this.em, async (tx) => {
      const feedback = await requireRef(
        tx,
        AccessibilityFeedback,
        parsed.value.id,
        'id',
        'feedback',
      );
      if (!feedback.handledAt) {
        feedback.handledAt = new Date();
        const userId = actorUserId(actor);
        feedback.handledBy = userId === null ? null : tx.getReference(User, userId);
      }
      return feedback;
    });
  }

  /** Messages, newest first; open ones only unless `includeHandled`. Curators only. */
  async list(
    actor: Actor,
    options: Page & { includeHandled?: boolean } = {},
  ): Promise<{ items: AccessibilityFeedback[]; totalCount: number }> {
    requireCurator(actor);
    const { limit, offset } = pageWindow(options);
    const [items, totalCount] = await this.em.findAndCount(
      AccessibilityFeedback,
      options.includeHandled ? {} : { handledAt: null },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit, offset },
    );
    return { items, totalCount };
  }
}
