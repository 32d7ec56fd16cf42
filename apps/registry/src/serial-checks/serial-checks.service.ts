import { Injectable, Logger } from '@nestjs/common';
import {
  RegistrationRequestedPayload,
  SerialCheckResult,
  SerialsValidatedEvent,
} from '@metered/contracts';
import { EventEnvelope, EventOutbox } from '@metered/event-platform';
import { toContractSummary, toModelSummary } from '../contracts/contract-summary';
import { calendarDay } from '../contracts/domain/contract';
import { DeviceModelsRepository } from '../device-models/persistence/device-models.repository';
import { DevicesRepository } from '../devices/persistence/devices.repository';
import { checkSerials, SerialCheck } from './domain/serial-check';
import { SerialChecksRepository } from './persistence/serial-checks.repository';

/** A check as events and API answers carry it. */
export function toResult(check: SerialCheck): SerialCheckResult {
  return {
    serial: check.serial,
    outcome: check.outcome,
    message: check.message,
    ...(check.model ? { model: toModelSummary(check.model) } : {}),
    ...(check.contract ? { contract: toContractSummary(check.contract) } : {}),
  };
}

/** Checks the serials of a registration request and publishes `SerialsValidated` once. */
@Injectable()
export class SerialChecksService {
  private readonly logger = new Logger(SerialChecksService.name);

  constructor(
    private readonly checks: SerialChecksRepository,
    private readonly devices: DevicesRepository,
    private readonly models: DeviceModelsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** The registration checks of serials for an account or registration in `country`. */
  async check(serials: readonly string[], country: string, at = new Date()) {
    const devices = await this.devices.findBySerials(serials);
    const models = await this.models.findByCodes([...devices.values()].map((d) => d.modelCode));
    const facts = serials.map((serial) => {
      const device = devices.get(serial);
      return { serial, device, model: device ? models.get(device.modelCode) : undefined };
    });
    return checkSerials(facts, country, calendarDay(at));
  }

  async onRegistrationRequested(
    envelope: EventEnvelope<RegistrationRequestedPayload>,
  ): Promise<void> {
    const { registrationId, country, serials } = envelope.payload;
    if (await this.checks.exists(registrationId)) {
      this.logger.log(`registration ${registrationId} was already checked; nothing to do`);
      return;
    }
    const checkedAt = new Date();
    const { results, allEligible } = await this.check(serials, country, checkedAt);
    const event = this.outbox.create(SerialsValidatedEvent, {
      registrationId,
      country,
      results: results.map(toResult),
      allEligible,
      checkedAt: checkedAt.toISOString(),
    });
    await this.checks.insertOnce(
      {
        registrationId,
        country,
        results,
        allEligible,
        checkedAt,
        requestEventId: envelope.eventId,
      },
      [event],
    );
  }
}
