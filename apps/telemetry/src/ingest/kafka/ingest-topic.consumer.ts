import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Topics } from '@metered/contracts';
import {
  DeadLetterPublisher,
  DeadLetterReason,
  errorMessage,
  RawKafkaMessage,
} from '@metered/event-platform';
import { AgentAuthenticator } from '../../agents/auth/agent-authenticator';
import { KafkaBatchConsumer } from '../../common/kafka-batch-consumer';
import { TELEMETRY_KAFKA } from '../../common/telemetry-kafka';
import { TELEMETRY_CONFIG, type TelemetryConfig } from '../../config/telemetry.config';
import { batchProblems } from '../domain/batch-shape';
import { READINGS_MAX_BODY_BYTES } from '../domain/batch-limits';
import { IngestService, Upload } from '../ingest.service';

/** The Kafka header carrying the agent's credential (never copied to the dead-letter topic). */
export const CREDENTIAL_HEADER = 'credential';
export const INGEST_GROUP = 'telemetry-ingest';

interface Parsed {
  message: RawKafkaMessage;
  credential: string;
  body: { agentId: string; readings: unknown[] };
}

/**
 * `telemetry.ingest.v1`: fleets that send directly. Each message is a `TelemetryReadingBatch`
 * (plain JSON, keyed by serial) with the agent's credential in the `credential` header. A
 * fetched batch of messages goes through ingest in one pass (one credential lookup for all of
 * them, then the same four commands as an HTTP upload); a message that is not a batch, or
 * whose credential is unknown or revoked, is parked on the dead-letter topic with the reason.
 * A redelivered message's readings are duplicates: no second effect.
 */
@Injectable()
export class IngestTopicConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumer: KafkaBatchConsumer;

  constructor(
    @Inject(TELEMETRY_KAFKA) kafka: Kafka,
    deadLetters: DeadLetterPublisher,
    private readonly agents: AgentAuthenticator,
    private readonly ingest: IngestService,
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
  ) {
    this.consumer = new KafkaBatchConsumer({
      groupId: INGEST_GROUP,
      topics: [Topics.TelemetryIngest],
      kafka,
      deadLetters,
      secretHeaders: [CREDENTIAL_HEADER],
      handle: (messages, park) => this.handle(messages, park),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.kafkaIngest) this.consumer.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }

  private async handle(
    messages: RawKafkaMessage[],
    park: (message: RawKafkaMessage, reason: DeadLetterReason, error: string) => Promise<void>,
  ): Promise<void> {
    const refused: Array<[RawKafkaMessage, DeadLetterReason, string]> = [];
    const parsed: Parsed[] = [];
    for (const message of messages) {
      const problem = this.parse(message);
      if ('reason' in problem) refused.push([message, problem.reason, problem.error]);
      else parsed.push(problem);
    }
    const principals = await this.agents.authenticateMany(
      new Set(parsed.map((entry) => entry.credential)),
    );
    const uploads: Upload[] = [];
    for (const entry of parsed) {
      const agent = principals.get(entry.credential);
      if (!agent) {
        refused.push([
          entry.message,
          'handler-rejected',
          'missing, invalid or revoked agent credential',
        ]);
        continue;
      }
      const problems = batchProblems(entry.body, agent.agentId);
      if (problems.length > 0) {
        const text = problems.map((problem) => `${problem.field}: ${problem.reason}`).join('; ');
        refused.push([entry.message, 'invalid-payload', text]);
        continue;
      }
      uploads.push({ agent, readings: entry.body.readings });
    }
    await this.ingest.ingest(uploads);
    for (const [message, reason, error] of refused) await park(message, reason, error);
  }

  private parse(message: RawKafkaMessage): Parsed | { reason: DeadLetterReason; error: string } {
    if (!message.value || message.value.length === 0) {
      return { reason: 'empty-value', error: 'the message has no value' };
    }
    if (message.value.length > READINGS_MAX_BODY_BYTES) {
      return {
        reason: 'too-large',
        error: `value has ${message.value.length} bytes, limit ${READINGS_MAX_BODY_BYTES}`,
      };
    }
    const credential = message.headers[CREDENTIAL_HEADER];
    if (!credential) return { reason: 'handler-rejected', error: `no ${CREDENTIAL_HEADER} header` };
    let body: unknown;
    try {
      body = JSON.parse(message.value.toString('utf8'));
    } catch (error) {
      return { reason: 'malformed-json', error: `value is not JSON: ${errorMessage(error)}` };
    }
    if (
      typeof body !== 'object' ||
      body === null ||
      !Array.isArray((body as { readings?: unknown }).readings)
    ) {
      return { reason: 'invalid-payload', error: 'not a batch { agentId, readings: [...] }' };
    }
    return { message, credential, body: body as Parsed['body'] };
  }
}
