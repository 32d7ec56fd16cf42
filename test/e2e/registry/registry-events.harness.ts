/**
 * The Kafka side of the registry's end-to-end suites: this test's own devices, identity's
 * registration events published as identity would, and what the registry publishes (read
 * from real Kafka by a test consumer).
 */
import { randomUUID } from 'node:crypto';
import {
  deadLetterTopic,
  RegistrationApprovedEvent,
  RegistrationRequestedEvent,
  SerialAddedPayload,
  Topics,
} from '@metered/contracts';
import { createEnvelope, EventDefinition, EventEnvelope } from '@metered/event-platform';
import { SERVICE_NAMES } from '@metered/service-kit';
import { GatewayClient } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { useApps } from '../../support/stack-env';
import { adminToken, imported, importOwnModel, isoDay, tag } from './registry-harness';

export const SHIP_TO = {
  line1: '1 Test Way',
  city: 'Rochester',
  state: 'NY',
  postalCode: '14604',
  country: 'US',
};

/** How long "nothing more arrives" is watched for. */
const QUIET_MS = 3000;

export class RegistryEventsHarness {
  readonly kafka = new KafkaTestClient();
  seen: SeenMessage[] = [];
  api: GatewayClient;
  admin: string;
  model: { code: string; reorderNumbers: string[] };

  async start(): Promise<void> {
    const urls = await useApps(SERVICE_NAMES);
    this.api = new GatewayClient(urls.gateway);
    this.admin = await adminToken(this.api);
    this.seen = await this.kafka.collect([
      Topics.RegistrySerialCheck,
      Topics.RegistryDevice,
      deadLetterTopic('registry'),
    ]);
    this.model = await importOwnModel(this.api, this.admin);
  }

  close(): Promise<void> {
    return this.kafka.close();
  }

  /** Events of one type and key on a topic, in the order Kafka delivered them. */
  events<P>(topic: string, key: string, type?: string): EventEnvelope<P>[] {
    return this.seen
      .filter((m) => m.topic === topic && m.key === key && m.value)
      .map((m) => JSON.parse(m.value as string) as EventEnvelope<P>)
      .filter((envelope) => type === undefined || envelope.type === type);
  }

  quiet(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }

  /** A new envelope on identity's registration topic, as identity would publish it. */
  async publish<P extends object>(definition: EventDefinition<P>, payload: P) {
    const envelope = createEnvelope(definition, payload, { producer: 'identity' });
    await this.republish(envelope);
    return envelope;
  }

  /** The same envelope again: a redelivery. */
  republish(envelope: EventEnvelope<unknown>): Promise<void> {
    return this.kafka.produce(Topics.IdentityRegistration, [
      { key: envelope.key, value: JSON.stringify(envelope) },
    ]);
  }

  /** Devices of this test: `covered` with a current contract, plus what the checks refuse. */
  async ownDevices(covered: number) {
    const t = tag();
    const serial = (n: number) => `E2V${t}${String(n).padStart(3, '0')}`;
    const ids = {
      covered: Array.from({ length: covered }, (_, i) => serial(i + 1)),
      noContract: serial(100),
      expired: serial(101),
      german: serial(102),
      unknown: serial(103),
    };
    const us = [...ids.covered, ids.noContract, ids.expired];
    const devices = [
      ...us.map((s) => ({ serial: s, modelCode: this.model.code, country: 'US' })),
      { serial: ids.german, modelCode: this.model.code, country: 'DE' },
    ];
    await imported(this.api, this.admin, 'devices', 'json', JSON.stringify(devices));
    const current = { status: 'active', startsOn: isoDay(-100), endsOn: isoDay(400) };
    const ended = { status: 'active', startsOn: isoDay(-800), endsOn: isoDay(-10) };
    const contracts = [
      ...[...ids.covered, ids.german].map((s) => ({ contractId: `C-${s}`, serial: s, ...current })),
      { contractId: `C-${ids.expired}`, serial: ids.expired, ...ended },
    ];
    await imported(this.api, this.admin, 'contracts', 'json', JSON.stringify(contracts));
    return ids;
  }

  requested(serials: string[]) {
    return this.publish(RegistrationRequestedEvent, {
      registrationId: randomUUID(),
      company: 'Registry E2E Ltd',
      contactName: 'Pat Example',
      email: `pat.${tag(8).toLowerCase()}@e2e.example.com`,
      phone: '+1 555 010 2030',
      country: 'US',
      shipTo: SHIP_TO,
      serials,
      requestedAt: new Date().toISOString(),
    });
  }

  approved(serials: string[], accountId = randomUUID()) {
    return this.publish(RegistrationApprovedEvent, {
      registrationId: randomUUID(),
      accountId,
      userId: randomUUID(),
      company: 'Registry E2E Ltd',
      contactName: 'Pat Example',
      email: `pat.${tag(8).toLowerCase()}@e2e.example.com`,
      country: 'US',
      shipTo: SHIP_TO,
      serials,
      approvedBy: randomUUID(),
      approvedAt: new Date().toISOString(),
    });
  }

  serialAdded(serial: string): EventEnvelope<SerialAddedPayload>[] {
    return this.events<SerialAddedPayload>(Topics.RegistryDevice, serial, 'SerialAdded');
  }

  waitForSerialAdded(serial: string): Promise<EventEnvelope<SerialAddedPayload>> {
    return waitFor(`SerialAdded for ${serial}`, () => this.serialAdded(serial)[0], 30000);
  }
}
