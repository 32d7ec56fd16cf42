import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, mongo, Schema } from 'mongoose';
import { DeviceSilentEvent } from '@metered/contracts';
import {
  errorMessage,
  EventOutbox,
  newDocumentWithOutbox,
  outboxPlugin,
} from '@metered/event-platform';
import { TELEMETRY_CONFIG, type TelemetryConfig } from '../config/telemetry.config';
import { isSilent } from '../fleet/fleet.service';
import { settingsOrDefault } from '../settings/domain/replenishment-settings';
import { SettingsRepository } from '../settings/persistence/settings.repository';
import { DeviceStatesRepository } from './persistence/device-states.repository';

export const SILENCES_COLLECTION = 'silences';
export const SILENCE_MODEL = 'Silence';

/**
 * One silence of one device: `_id` = `<serial>|<lastReadAt>`. Inserting it is the claim — a
 * unique key, the one atomic check FerretDB has — and its outbox carries the DeviceSilent
 * event, so two replicas sweeping at once publish it once, and a device that reports again
 * and falls silent again (a new lastReadAt) alerts again.
 */
export const SilenceSchema = new Schema(
  {
    _id: { type: String, required: true },
    serial: { type: String, required: true },
    detectedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: SILENCES_COLLECTION },
);
SilenceSchema.plugin(outboxPlugin);

const DUPLICATE_KEY = 11000;

@Injectable()
export class SilenceSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SilenceSweep.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  /** Silences this replica knows are claimed: not tried again every sweep. */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly states: DeviceStatesRepository,
    private readonly settings: SettingsRepository,
    private readonly outbox: EventOutbox,
    @InjectModel(SILENCE_MODEL) private readonly silences: Model<{ _id: string }>,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) => this.logger.warn(`silence sweep failed: ${errorMessage(error)}`))
        .finally(() => (this.running = undefined));
    }, this.config.silenceSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Claims and announces every silence not announced yet; returns how many it announced. */
  async sweep(now = new Date()): Promise<number> {
    const devices = await this.states.lastReadings();
    const settings = await this.settings.findMany(devices.map((device) => device.accountId));
    let announced = 0;
    for (const device of devices) {
      const { silentAfterDays } = settingsOrDefault(
        device.accountId,
        settings.get(device.accountId),
      );
      if (!device.lastReadAt || !isSilent(device.lastReadAt, silentAfterDays, now)) continue;
      const claimId = `${device.serial}|${device.lastReadAt}`;
      if (this.claimed.has(claimId)) continue;
      const event = this.outbox.create(DeviceSilentEvent, {
        serial: device.serial,
        accountId: device.accountId,
        lastReadAt: device.lastReadAt,
        silentAfterDays,
        detectedAt: now.toISOString(),
      });
      try {
        await this.silences.collection.insertOne(
          newDocumentWithOutbox({ _id: claimId, serial: device.serial, detectedAt: now }, [
            event,
          ]) as never,
        );
        announced++;
        this.claimed.add(claimId);
      } catch (error) {
        if (!(error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY)) throw error;
        this.claimed.add(claimId);
      }
    }
    if (this.claimed.size > 100_000) this.claimed.clear();
    if (announced > 0) this.outbox.nudge(this.silences);
    return announced;
  }
}
