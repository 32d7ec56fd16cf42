/**
 * Faults 5 and 6 — what Kafka may hand a consumer, against the real ordering and notifications
 * services: the same event twice, an older event after a newer one, a payload of a newer
 * schema (extra fields, same version), a version the consumer does not know, and poison
 * (not JSON, wrong schema, ~900 kB). Duplicates have one effect, the older event does not
 * win, extra fields are ignored, the rest is parked on the service's dead-letter topic with
 * its reason — and the next good event is still processed.
 * (test/integration/event-platform/consumer-safety proves the same for a probe consumer.)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  ContractChangedEvent,
  ContractChangedPayload,
  PasswordResetRequestedEvent,
  Topics,
} from '@metered/contracts';
import { createEnvelope, deadLetterTopic, eventHeaders } from '@metered/event-platform';
import { KafkaTestClient, SeenMessage } from '../support/event-platform/kafka-test-client';
import { waitFor } from '../support/event-platform/wait-for';
import {
  CatalogSerial,
  Customer,
  isoDay,
  OrderingHarness,
} from '../support/ordering/ordering-harness';
import { passwordResetRequested } from '../integration/notifications/notifications-harness';
import { mailTo, metricSum, printCounts } from './support/resilience-kit';
import { sharedCustomer } from './support/shared-customer';

const HUGE_BYTES = 900 * 1024;
const CASE = 'x-fi-case';

describe('duplicates, reordering, newer schemas and poison (real stack)', () => {
  const harness = new OrderingHarness();
  const kafka = new KafkaTestClient();
  let customer: Customer;
  let serial: string;
  let ordering: SeenMessage[];
  let notifications: SeenMessage[];

  beforeAll(async () => {
    const started = Date.now();
    await harness.start();
    const appsAt = Date.now();
    customer = await sharedCustomer(harness);
    serial = customer.catalog[0].serial;
    const customerAt = Date.now();
    [ordering, notifications] = await Promise.all([
      kafka.collect([deadLetterTopic('ordering')]),
      kafka.collect([deadLetterTopic('notifications')]),
    ]);
    console.log(
      `setup: apps ${appsAt - started} ms, customer ${customerAt - appsAt} ms, dead-letter readers ${Date.now() - customerAt} ms`,
    );
  }, 300_000);

  afterAll(() => kafka.close());

  function contractChanged(contractId: string, changedAt: Date) {
    const payload: ContractChangedPayload = {
      serial,
      accountId: customer.accountId,
      contract: {
        contractId,
        status: 'active',
        startsOn: isoDay(-30),
        endsOn: isoDay(400),
      } as ContractChangedPayload['contract'],
      changedAt: changedAt.toISOString(),
    };
    return createEnvelope(ContractChangedEvent, payload, {
      producer: 'registry',
      correlationId: `fi-${randomUUID()}`,
    });
  }

  async function send(topic: string, key: string, value: string | object, fiCase: string) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const headers =
      typeof value === 'object' && 'eventId' in value
        ? eventHeaders(value as Parameters<typeof eventHeaders>[0])
        : {};
    await kafka.produce(topic, [{ key, value: text, headers: { ...headers, [CASE]: fiCase } }]);
  }

  async function contractShown(): Promise<string | undefined> {
    const answer = await harness.catalog(customer.token);
    const row = answer.body.items.find((item: CatalogSerial) => item.serial === serial);
    return row?.contract?.contractId;
  }

  const consumed = (outcome: string) =>
    metricSum('ordering', 'events_consumed_total', {
      group: 'ordering',
      type: 'ContractChanged',
      outcome,
    });

  const parked = (seen: SeenMessage[], fiCase: string) =>
    seen.find((message) => message.headers[CASE] === fiCase && message.key !== null);

  it("keeps ordering's read model right: duplicates once, older never wins, newer fields ignored", async () => {
    const now = Date.now();
    const newer = contractChanged(`FI-NEW-${now}`, new Date(now));
    const handledBefore = await consumed('handled');
    const duplicatesBefore = await consumed('duplicate');
    await send(Topics.RegistryDevice, serial, newer, 'newer');
    await send(Topics.RegistryDevice, serial, newer, 'newer-again');
    await waitFor(
      'the newer contract',
      async () => (await contractShown()) === newer.payload.contract.contractId,
      30_000,
      300,
    );
    await waitFor(
      'the second delivery counted as a duplicate',
      async () => (await consumed('duplicate')) > duplicatesBefore,
      30_000,
      300,
    );

    const older = contractChanged(`FI-OLD-${now}`, new Date(now - 86_400_000));
    await send(Topics.RegistryDevice, serial, older, 'older');
    await waitFor(
      'the older event handled',
      async () => (await consumed('handled')) >= handledBefore + 2,
      30_000,
      300,
    );
    expect(await contractShown()).toBe(newer.payload.contract.contractId);

    // A producer already on a newer schema of v1: extra fields, same version number.
    const extended = contractChanged(`FI-EXT-${now}`, new Date(now + 1000));
    const withExtras = {
      ...extended,
      payload: {
        ...extended.payload,
        renewalChannel: 'portal',
        contract: { ...extended.payload.contract, billingPlan: 'per-page' },
      },
    };
    await send(Topics.RegistryDevice, serial, withExtras, 'extra-fields');
    await waitFor(
      'the extended event applied',
      async () => (await contractShown()) === extended.payload.contract.contractId,
      30_000,
      300,
    );

    printCounts('redelivery', {
      sent: 4,
      handled: (await consumed('handled')) - handledBefore,
      duplicates: (await consumed('duplicate')) - duplicatesBefore,
      olderWon: 0,
      lost: 0,
    });
  }, 120_000);

  it("parks ordering's poison and unknown versions with the reason and goes on with the next event", async () => {
    const now = Date.now();
    const v2 = contractChanged(`FI-V2-${now}`, new Date(now + 5000));
    const wrongSchema = contractChanged(`FI-BAD-${now}`, new Date(now + 5000));
    const next = contractChanged(`FI-NEXT-${now}`, new Date(now + 6000));
    const cases: Record<string, string | object> = {
      'not-json': '{"eventId": "oops", ',
      'wrong-schema': { ...wrongSchema, payload: { ...wrongSchema.payload, serial: 42 } },
      huge: {
        ...wrongSchema,
        payload: { ...wrongSchema.payload, note: 'x'.repeat(HUGE_BYTES), serial: '' },
      },
      'unknown-version': { ...v2, version: 2 },
    };
    for (const [fiCase, value] of Object.entries(cases)) {
      await send(Topics.RegistryDevice, serial, value, `ordering-${fiCase}`);
    }
    await send(Topics.RegistryDevice, serial, next, 'ordering-next');
    await waitFor(
      'the next good event applied',
      async () => (await contractShown()) === next.payload.contract.contractId,
      60_000,
      300,
    );
    const reasons = await waitFor(
      'every poison message on ordering.dead-letter.v1',
      () => {
        const found = Object.keys(cases).map((fiCase) => parked(ordering, `ordering-${fiCase}`));
        return found.every(Boolean) && found.map((message) => message?.headers['dlq-reason']);
      },
      30_000,
      300,
    );
    printCounts('poison-ordering', {
      sent: Object.keys(cases).length + 1,
      deadLettered: reasons.length,
      processedAfter: 1,
      duplicates: 0,
      lost: 0,
    });
    expect(Object.fromEntries(Object.keys(cases).map((fiCase, i) => [fiCase, reasons[i]]))).toEqual(
      {
        'not-json': 'malformed-json',
        'wrong-schema': 'invalid-payload',
        huge: 'invalid-payload',
        'unknown-version': 'unknown-event',
      },
    );
    const huge = parked(ordering, 'ordering-huge') as SeenMessage;
    expect(huge.headers['dlq-original-topic']).toBe(Topics.RegistryDevice);
    expect(huge.headers['dlq-consumer-group']).toBe('ordering');
    expect(huge.headers['dlq-error']).toBeTruthy();
  }, 120_000);

  it("parks notifications' poison with the reason and still mails the next event", async () => {
    const to = `fi-poison-${randomUUID().slice(0, 8)}@example.com`;
    const good = passwordResetRequested(to);
    const wrong = passwordResetRequested(to);
    const cases: Record<string, string | object> = {
      'not-json': 'not json at all',
      'wrong-schema': { ...wrong, payload: { ...wrong.payload, email: 'not-an-address' } },
      huge: `"${'y'.repeat(HUGE_BYTES)}`,
    };
    for (const [fiCase, value] of Object.entries(cases)) {
      await send(PasswordResetRequestedEvent.topic, good.key, value, `notifications-${fiCase}`);
    }
    await send(PasswordResetRequestedEvent.topic, good.key, good, 'notifications-next');
    await waitFor(
      'the next good event mailed',
      async () => (await mailTo(to)).length > 0,
      60_000,
      500,
    );
    const reasons = await waitFor(
      'every poison message on notifications.dead-letter.v1',
      () => {
        const found = Object.keys(cases).map((c) => parked(notifications, `notifications-${c}`));
        return found.every(Boolean) && found.map((message) => message?.headers['dlq-reason']);
      },
      30_000,
      300,
    );
    printCounts('poison-notifications', {
      sent: Object.keys(cases).length + 1,
      deadLettered: reasons.length,
      emailed: (await mailTo(to)).length,
      duplicates: 0,
      lost: 0,
    });
    expect(reasons).toEqual(['malformed-json', 'invalid-payload', 'malformed-json']);
    expect((await mailTo(to)).length).toBe(1);
    const huge = parked(notifications, 'notifications-huge') as SeenMessage;
    expect(huge.headers['dlq-truncated']).toBe('true');
  }, 120_000);
});
