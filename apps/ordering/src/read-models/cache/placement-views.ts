import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import {
  ContractChangedEvent,
  ContractChangedPayload,
  contractsCatalog,
  RegistrationApprovedEvent,
  RegistrationApprovedPayload,
  SerialAddedEvent,
  SerialAddedPayload,
  SerialRemovedEvent,
  SerialRemovedPayload,
  ShipToAddressChangedEvent,
  ShipToAddressChangedPayload,
  StaffActionRecordedEvent,
  StaffActionRecordedPayload,
  SupplyItemAddedEvent,
  SupplyItemAddedPayload,
  SupplyItemRemovedEvent,
  SupplyItemRemovedPayload,
  Topics,
} from '@metered/contracts';
import {
  createKafka,
  EVENT_PLATFORM_OPTIONS,
  EventHeaders,
  FedCache,
  type LivenessSource,
  ReplicaEventFeed,
  type ResolvedEventPlatformOptions,
} from '@metered/event-platform';
import { AllowancesRepository } from '../../allowances/persistence/allowances.repository';
import { ORDERING_CONFIG, type OrderingConfig } from '../../config/ordering.config';
import { type AccountRecord, type AccountView, isApproved } from '../domain/account-view';
import {
  type AccountChange,
  applied,
  contractChanged,
  reflects,
  registrationApproved,
  type SerialChange,
  serialAdded,
  serialRemoved,
  shipToAddressChanged,
  supplyItemAdded,
  supplyItemRemoved,
} from '../domain/read-model-changes';
import type { SerialView } from '../domain/serial-view';
import { AccountsRepository } from '../persistence/accounts.repository';
import { SerialsRepository } from '../persistence/serials.repository';
import {
  ALLOWANCE_CHANGED,
  allowanceChangeOf,
  type AllowanceChange,
  allowanceRules,
  type CachedAllowance,
} from './allowance-changes';

/** Events the placement caches follow; anything else on their topics is skipped unread. */
const FOLLOWED = new Set<string>([
  SerialAddedEvent.type,
  SerialRemovedEvent.type,
  SupplyItemAddedEvent.type,
  SupplyItemRemovedEvent.type,
  ContractChangedEvent.type,
  RegistrationApprovedEvent.type,
  ShipToAddressChangedEvent.type,
  StaffActionRecordedEvent.type,
]);

export const PLACEMENT_FEED_TOPICS = [
  Topics.RegistryDevice,
  Topics.RegistryAccount,
  Topics.IdentityRegistration,
  Topics.PlatformAudit,
] as const;

const NEVER_LIVE: LivenessSource = { liveEpoch: () => null };

/**
 * What a placement reads besides the serial's live orders — the serial's and the account's
 * read models and the allowance overrides — from memory in each replica once warm. The read
 * models are written by ONE replica (the service's consumer group); every replica follows the
 * same events with a feed of its own (ReplicaEventFeed), so a change reaches the next
 * placement in each of them. While the feed is not live (Kafka away, catching up) placements
 * read the database exactly as without a cache.
 */
@Injectable()
export class PlacementViews implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PlacementViews.name);
  private readonly feed: ReplicaEventFeed | null;
  private readonly serials: FedCache<SerialView | null, SerialChange>;
  private readonly accounts: FedCache<AccountRecord | null, AccountChange>;
  private readonly allowances: FedCache<CachedAllowance, AllowanceChange>;

  constructor(
    private readonly serialViews: SerialsRepository,
    private readonly accountViews: AccountsRepository,
    private readonly overrides: AllowancesRepository,
    @Inject(ORDERING_CONFIG) config: OrderingConfig,
    @Inject(EVENT_PLATFORM_OPTIONS) platform: ResolvedEventPlatformOptions,
  ) {
    this.feed = config.placementCache.enabled
      ? new ReplicaEventFeed({
          name: `${platform.service}.placement-feed`,
          kafka: createKafka({
            clientId: `${platform.service}-placement-feed`,
            brokers: platform.infrastructure.kafkaBrokers,
          }),
          topics: PLACEMENT_FEED_TOPICS,
          sourceGroupId: platform.service,
          onMessage: (topic, message) => this.onMessage(topic, message),
        })
      : null;
    const liveness = this.feed ?? NEVER_LIVE;
    const options = config.placementCache;
    this.serials = new FedCache<SerialView | null, SerialChange>(
      liveness,
      { apply: applied, reflects },
      options,
    );
    this.accounts = new FedCache<AccountRecord | null, AccountChange>(
      liveness,
      { apply: applied, reflects },
      options,
    );
    this.allowances = new FedCache(liveness, allowanceRules, options);
  }

  onApplicationBootstrap(): void {
    this.feed?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed?.stop();
  }

  /** Whether placements read from memory now (tests and metrics). */
  get live(): boolean {
    return this.feed?.liveEpoch() != null;
  }

  get stats() {
    return {
      live: this.live,
      feedStarts: this.feed?.startsTotal ?? 0,
      serials: this.serials.stats,
      accounts: this.accounts.stats,
      allowances: this.allowances.stats,
    };
  }

  serial(serial: string): Promise<SerialView | null> {
    return this.serials.get(serial, (key) => this.serialViews.findBySerial(key));
  }

  /** The account once approved (see AccountsRepository.findById). */
  async account(accountId: string): Promise<AccountView | null> {
    const record = await this.accounts.get(accountId, (key) => this.accountViews.findRecord(key));
    return isApproved(record) ? record : null;
  }

  /** Allowance overrides of these items, in bottles; items without one are absent. */
  async allowanceOverrides(reorderNumbers: readonly string[]): Promise<Map<string, number>> {
    const values = await this.allowances.getMany(reorderNumbers, async (missing) => {
      const found = await this.overrides.findMany(missing);
      return new Map(missing.map((key) => [key, found.get(key) ?? null]));
    });
    const bottles = new Map<string, number>();
    for (const [key, value] of values) if (value) bottles.set(key, value.allowanceBottles);
    return bottles;
  }

  private async onMessage(topic: string, message: KafkaMessage): Promise<void> {
    const type = message.headers?.[EventHeaders.type]?.toString();
    if (type !== undefined && !FOLLOWED.has(type)) return;
    if (!message.value) return;
    // Most audit records are about orders: only allowance changes are worth decoding.
    if (topic === Topics.PlatformAudit && !message.value.includes(ALLOWANCE_CHANGED)) return;
    let decoded;
    try {
      decoded = await contractsCatalog.decode(JSON.parse(message.value.toString('utf8')));
    } catch (error) {
      // The service's own consumer dead-letters what it cannot read.
      this.logger.debug(`skipped a message on ${topic}: ${String(error)}`);
      return;
    }
    const { definition, envelope } = decoded;
    const payload: unknown = envelope.payload;
    switch (definition) {
      case SerialAddedEvent: {
        const p = payload as SerialAddedPayload;
        return this.serials.observe(p.serial, serialAdded(p));
      }
      case SerialRemovedEvent: {
        const p = payload as SerialRemovedPayload;
        return this.serials.observe(p.serial, serialRemoved(p));
      }
      case SupplyItemAddedEvent: {
        const p = payload as SupplyItemAddedPayload;
        return this.serials.observe(p.serial, supplyItemAdded(p));
      }
      case SupplyItemRemovedEvent: {
        const p = payload as SupplyItemRemovedPayload;
        return this.serials.observe(p.serial, supplyItemRemoved(p));
      }
      case ContractChangedEvent: {
        const p = payload as ContractChangedPayload;
        return this.serials.observe(p.serial, contractChanged(p));
      }
      case RegistrationApprovedEvent: {
        const p = payload as RegistrationApprovedPayload;
        return this.accounts.observe(p.accountId, registrationApproved(p));
      }
      case ShipToAddressChangedEvent: {
        const p = payload as ShipToAddressChangedPayload;
        return this.accounts.observe(p.accountId, shipToAddressChanged(p));
      }
      case StaffActionRecordedEvent: {
        const change = allowanceChangeOf(payload as StaffActionRecordedPayload);
        if (change) this.allowances.observe(change.reorderNumber, change);
        return;
      }
    }
  }
}
