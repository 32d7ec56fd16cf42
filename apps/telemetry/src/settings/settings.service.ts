import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@metered/auth';
import { ReplenishmentSettingsChangedEvent } from '@metered/contracts';
import { EventOutbox } from '@metered/event-platform';
import { accountOfRequest, actorOf } from '../common/account-access';
import { staffActionEvents } from '../common/staff-action';
import { type ReplenishmentSettings, settingsOrDefault } from './domain/replenishment-settings';
import type { ChangeSettingsDto } from './dto/settings.dto';
import { SettingsRepository } from './persistence/settings.repository';

const FIELDS = ['autoReplenishment', 'silentAfterDays', 'lowLevelPercent', 'safetyDays'] as const;

@Injectable()
export class SettingsService {
  constructor(
    private readonly settings: SettingsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async get(
    user: AuthenticatedUser,
    requested: string | undefined,
  ): Promise<ReplenishmentSettings> {
    const accountId = accountOfRequest(user, requested);
    return settingsOrDefault(accountId, await this.settings.find(accountId));
  }

  /** Changes what the body names; publishes ReplenishmentSettingsChanged when anything changed. */
  async change(user: AuthenticatedUser, body: ChangeSettingsDto): Promise<ReplenishmentSettings> {
    const accountId = accountOfRequest(user, body.accountId);
    const stored = await this.settings.change(accountId, (current) => {
      const before = settingsOrDefault(accountId, current);
      const next: ReplenishmentSettings = { ...before };
      for (const field of FIELDS) {
        if (body[field] !== undefined)
          (next as unknown as Record<string, unknown>)[field] = body[field];
      }
      const changed = FIELDS.some((field) => next[field] !== before[field]);
      if (!changed && current) return null;
      const at = new Date();
      const { accountId: _a, ...after } = next;
      const { accountId: _b, ...previous } = before;
      return {
        next,
        events: [
          this.outbox.create(ReplenishmentSettingsChangedEvent, {
            ...next,
            changedBy: actorOf(user),
            changedAt: at.toISOString(),
          }),
          ...staffActionEvents(this.outbox, user, {
            action: 'replenishment-settings.changed',
            subject: { type: 'account', id: accountId },
            accountId,
            before: previous,
            after,
            at,
          }),
        ],
      };
    });
    return settingsOrDefault(accountId, stored);
  }
}
