import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { StaffActionRecordedEvent } from '@metered/contracts';
import type { AuthenticatedUser } from '@metered/auth';
import { EventOutbox } from '@metered/event-platform';
import { ConflictError, NotFoundError } from '@metered/service-kit';
import {
  DeadLetter,
  deadLetterFromParked,
  ParkedMessage,
  replayMessageOf,
  replayRefusal,
} from './domain/dead-letter';
import { DeadLetterFilter, DeadLettersRepository } from './persistence/dead-letters.repository';
import { ReplayPublisher } from './replay-publisher';

/** Every service's dead letters in one place, and the replay that puts one back. */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger(DeadLettersService.name);

  constructor(
    @Inject(DeadLettersRepository) private readonly letters: DeadLettersRepository,
    @Inject(ReplayPublisher) private readonly publisher: ReplayPublisher,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async park(message: ParkedMessage): Promise<void> {
    const letter = deadLetterFromParked(message, new Date());
    const stored = await this.letters.insertOnce(letter);
    if (stored) {
      this.logger.warn(
        `dead letter ${letter.id} from ${letter.consumerGroup}: ${letter.originalTopic ?? '?'} ` +
          `${letter.reason} ${letter.error.slice(0, 200)}`,
      );
    }
  }

  list(filter: DeadLetterFilter, limit: number): Promise<DeadLetter[]> {
    return this.letters.find(filter, limit);
  }

  counts() {
    return this.letters.countByStatus();
  }

  /**
   * Claim (parked → replaying), publish, then mark replayed together with the audit event.
   * A failed publish gives the claim back; a second replay finds it claimed or replayed: 409.
   */
  async replay(id: string, user: AuthenticatedUser): Promise<DeadLetter> {
    const letter = await this.letters.get(id);
    if (!letter) throw new NotFoundError('no such dead letter');
    const refusal = replayRefusal(letter);
    if (refusal) throw new ConflictError(`this dead letter cannot be replayed: ${refusal}`);
    const now = new Date();
    if (!(await this.letters.claimForReplay(id, now))) {
      throw new ConflictError('this dead letter cannot be replayed: it is being replayed already');
    }
    try {
      await this.publisher.publish(replayMessageOf(letter, user));
    } catch (error) {
      await this.letters.releaseClaim(id);
      throw error;
    }
    const replayedBy = { userId: user.userId, email: user.email };
    const audit = this.outbox.create(StaffActionRecordedEvent, {
      auditId: randomUUID(),
      service: 'operations',
      actor: { userId: user.userId, email: user.email, roles: user.roles },
      action: 'dead-letter.replayed',
      subject: { type: 'dead-letter', id },
      before: { status: 'parked' },
      after: {
        status: 'replayed',
        topic: letter.originalTopic,
        key: letter.key,
        consumerGroup: letter.consumerGroup,
        reason: letter.reason,
      },
      at: now.toISOString(),
    });
    await this.letters.markReplayed(id, replayedBy, now, [audit]);
    return { ...letter, status: 'replayed', replayedAt: now, replayedBy };
  }
}
