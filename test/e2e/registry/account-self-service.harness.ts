/**
 * What the account self-service and helpdesk suites share: the real stack through the
 * gateway, one customer created through the real registration flow, a helpdesk agent (both
 * from the ordering harness), this suite's own devices and items, and every registry event
 * of the account topics read from real Kafka.
 */
import { randomUUID } from 'node:crypto';
import { RegistrationApprovedEvent, Topics } from '@metered/contracts';
import { createEnvelope, EventEnvelope } from '@metered/event-platform';
import { ApiAnswer, LoginAnswer } from '../../../tools/stack/src/demo/gateway-client';
import { KafkaTestClient, SeenMessage } from '../../support/event-platform/kafka-test-client';
import { waitFor } from '../../support/event-platform/wait-for';
import { Customer, OrderingHarness } from '../../support/ordering/ordering-harness';
import { imported, importOwnModel, isoDay, tag } from './registry-harness';

export const NEW_SHIP_TO = {
  line1: '200 Helpdesk Avenue',
  line2: 'Dock 4',
  city: 'Buffalo',
  state: 'NY',
  postalCode: '14202',
  country: 'US',
};

export interface Problem {
  statusCode: number;
  message: string;
  errors?: { field: string; reason: string }[];
}

export class SelfServiceHarness {
  readonly ordering = new OrderingHarness();
  private readonly kafka = new KafkaTestClient();
  private seen: SeenMessage[] = [];
  customer!: Customer;
  agent!: LoginAnswer;

  async start(): Promise<void> {
    await this.ordering.start();
    this.seen = await this.kafka.collect([
      Topics.RegistryDevice,
      Topics.RegistryAccount,
      Topics.RegistryAccountRequest,
      Topics.PlatformAudit,
    ]);
    this.customer = await this.ordering.customer(1);
    this.agent = await this.ordering.helpdeskAgent();
  }

  close(): Promise<void> {
    return this.kafka.close();
  }

  call<T = Problem>(
    token: string,
    path: string,
    body?: unknown,
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  ): Promise<ApiAnswer<T & Problem>> {
    return this.ordering.gateway.call<T & Problem>(path, { token, body, method });
  }

  /** The first event of a type with this key on a topic, waited for (the relay is async). */
  event<P>(
    topic: string,
    key: string,
    type: string,
    where: (payload: P) => boolean = () => true,
  ): Promise<EventEnvelope<P>> {
    return waitFor(
      `${type} for ${key} on ${topic}`,
      () =>
        this.seen
          .filter((m) => m.topic === topic && m.key === key && m.value)
          .map((m) => JSON.parse(m.value as string) as EventEnvelope<P>)
          .find((envelope) => envelope.type === type && where(envelope.payload)),
      30000,
    );
  }

  /** Devices of the customer's model with a current contract, linked to nobody. */
  async coveredDevices(count: number): Promise<string[]> {
    const t = tag();
    const serials = Array.from({ length: count }, (_, i) => `E2S${t}${String(i).padStart(3, '0')}`);
    const { modelCode } = this.customer.devices;
    const admin = this.ordering.adminToken;
    const api = this.ordering.gateway;
    const devices = serials.map((serial) => ({ serial, modelCode, country: 'US' }));
    await imported(api, admin, 'devices', 'json', JSON.stringify(devices));
    const contracts = serials.map((serial) => ({
      contractId: `C-${serial}`,
      serial,
      status: 'active',
      startsOn: isoDay(-100),
      endsOn: isoDay(400),
    }));
    await imported(api, admin, 'contracts', 'json', JSON.stringify(contracts));
    return serials;
  }

  /** Reorder numbers of items that do not fit the customer's model ("not listed"). */
  async unlistedItems(): Promise<string[]> {
    const model = await importOwnModel(this.ordering.gateway, this.ordering.adminToken);
    return model.reorderNumbers;
  }

  /** Another customer's account with one serial, made as identity's approval would. */
  async otherAccount(): Promise<{ accountId: string; serial: string }> {
    const [serial] = await this.coveredDevices(1);
    const accountId = randomUUID();
    const envelope = createEnvelope(
      RegistrationApprovedEvent,
      {
        registrationId: randomUUID(),
        accountId,
        userId: randomUUID(),
        company: `Other Account ${tag()}`,
        contactName: 'Olga Other',
        email: `olga.${tag(8).toLowerCase()}@e2e.example.com`,
        country: 'US',
        shipTo: { line1: '9 Elsewhere Rd', city: 'Albany', postalCode: '12207', country: 'US' },
        serials: [serial],
        approvedBy: randomUUID(),
        approvedAt: new Date().toISOString(),
      },
      { producer: 'identity' },
    );
    await this.kafka.produce(Topics.IdentityRegistration, [
      { key: envelope.key, value: JSON.stringify(envelope) },
    ]);
    await waitFor(
      `account ${accountId} with ${serial}`,
      async () => {
        const answer = await this.call<{ serials: string[] }>(
          this.ordering.adminToken,
          `/api/accounts/${accountId}`,
        );
        return answer.status === 200 && answer.body.serials.includes(serial);
      },
      30000,
      300,
    );
    return { accountId, serial };
  }
}
