/**
 * Builds the AsyncAPI 3.0 document of the platform's Kafka topics from libs/contracts: one
 * channel per topic (and per dead-letter topic), one message per event version with its
 * key, headers, envelope and payload schema. `generate-asyncapi.ts` writes it to
 * docs/asyncapi.yaml; `asyncapi.spec.ts` fails when the committed file and the classes differ.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_EVENTS, ALL_TOPICS } from '@metered/contracts';
import { DeadLetterHeaders, EventDefinition, EventHeaders } from '@metered/event-platform';
import { classSchemas, JsonSchema } from './class-schema';

const ROOT = join(__dirname, '../..');

/** Consumer groups, each with its dead-letter topic `<group>.dead-letter.v1`. */
export const DEAD_LETTER_GROUPS = [
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
];

const ref = (path: string) => ({ $ref: path });
const channelId = (topic: string) =>
  topic.replace(/[.-]([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
const messageId = (definition: EventDefinition) => `${definition.type}V${definition.version}`;

/** The TSDoc of each `Topics` entry in libs/contracts/src/topics.ts, by topic name. */
function topicDescriptions(): Record<string, string> {
  const source = readFileSync(join(ROOT, 'libs/contracts/src/topics.ts'), 'utf8');
  const result: Record<string, string> = {};
  const entry = /\/\*\*((?:(?!\/\*\*)[\s\S])*?)\*\/\s*\w+:\s*'([^']+)'/g;
  for (const match of source.matchAll(entry)) {
    result[match[2]] = match[1]
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ');
  }
  return result;
}

/** "payload.serial" from `(payload) => payload.serial`, for the key's description. */
function keyField(definition: EventDefinition): string {
  const field = /payload\.([A-Za-z0-9_]+)/.exec(definition.keyOf.toString())?.[1];
  if (!field) throw new Error(`${messageId(definition)}: cannot tell which field is the key`);
  return field;
}

const headerSchema = (description: string, extra: JsonSchema = {}) => ({
  type: 'string',
  description,
  ...extra,
});

function eventHeadersSchema(): JsonSchema {
  return {
    type: 'object',
    description:
      'Mirror the envelope so tools can route and trace without parsing the value; the value stays the truth.',
    properties: {
      [EventHeaders.eventId]: headerSchema('The envelope eventId', { format: 'uuid' }),
      [EventHeaders.type]: headerSchema('The envelope type, e.g. OrderPlaced'),
      [EventHeaders.version]: headerSchema('The envelope version, as text'),
      [EventHeaders.producer]: headerSchema('The publishing service'),
      [EventHeaders.correlationId]: headerSchema('Follows one business flow across every hop'),
      [EventHeaders.causationId]: headerSchema(
        'The event that caused this one (absent at the start of a flow)',
      ),
    },
    required: [
      EventHeaders.eventId,
      EventHeaders.type,
      EventHeaders.version,
      EventHeaders.producer,
      EventHeaders.correlationId,
    ],
  };
}

function envelopeSchema(definition: EventDefinition): JsonSchema {
  return {
    type: 'object',
    description: `The platform envelope carrying a ${definition.type} v${definition.version} payload. Consumers strip unknown fields (additive changes never break them).`,
    properties: {
      eventId: {
        type: 'string',
        format: 'uuid',
        description: 'Unique; consumers deduplicate by it',
      },
      type: { type: 'string', const: definition.type },
      version: { type: 'integer', const: definition.version },
      occurredAt: { type: 'string', format: 'date-time' },
      producer: { type: 'string', minLength: 1, maxLength: 100 },
      correlationId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
      causationId: { type: ['string', 'null'], maxLength: 100 },
      key: { type: 'string', minLength: 1, maxLength: 256, description: 'Same as the Kafka key' },
      payload: ref(`#/components/schemas/${definition.payloadClass.name}`),
    },
    required: [
      'eventId',
      'type',
      'version',
      'occurredAt',
      'producer',
      'correlationId',
      'key',
      'payload',
    ],
  };
}

function deadLetterHeadersSchema(): JsonSchema {
  const described: Record<string, string> = {
    [DeadLetterHeaders.reason]:
      'Why it was parked (malformed-json, invalid-payload, handler-failed, …)',
    [DeadLetterHeaders.error]: 'The last error message',
    [DeadLetterHeaders.originalTopic]: 'Topic the message was consumed from',
    [DeadLetterHeaders.originalPartition]: 'Its partition',
    [DeadLetterHeaders.originalOffset]: 'Its offset',
    [DeadLetterHeaders.consumerGroup]: 'The consumer group that gave up',
    [DeadLetterHeaders.attempts]: 'Handler attempts made',
    [DeadLetterHeaders.failedAt]: 'When it was parked (ISO 8601)',
    [DeadLetterHeaders.valueEncoding]: 'utf8 or base64 (the value as stored here)',
    [DeadLetterHeaders.originalSize]: 'Bytes of the original value, when truncated',
    [DeadLetterHeaders.truncated]: '"true" when the stored value was cut',
  };
  return {
    type: 'object',
    description: "The original message's headers plus these:",
    properties: Object.fromEntries(
      Object.entries(described).map(([name, text]) => [name, headerSchema(text)]),
    ),
    required: [
      DeadLetterHeaders.reason,
      DeadLetterHeaders.error,
      DeadLetterHeaders.originalTopic,
      DeadLetterHeaders.originalPartition,
      DeadLetterHeaders.originalOffset,
      DeadLetterHeaders.consumerGroup,
      DeadLetterHeaders.failedAt,
    ],
  };
}

export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const descriptions = topicDescriptions();
  const schemas: Record<string, JsonSchema> = {};
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const events = [...ALL_EVENTS].sort(
    (a, b) => a.type.localeCompare(b.type) || a.version - b.version,
  );
  for (const definition of events) {
    classSchemas(definition.payloadClass as new () => object, schemas);
    schemas[`${messageId(definition)}Envelope`] = envelopeSchema(definition);
    const key = keyField(definition);
    messages[messageId(definition)] = {
      name: definition.type,
      title: `${definition.type} v${definition.version}`,
      summary: `${definition.type} version ${definition.version}, keyed by payload.${key}`,
      contentType: 'application/json',
      headers: ref('#/components/schemas/EventHeaders'),
      payload: ref(`#/components/schemas/${messageId(definition)}Envelope`),
      bindings: {
        kafka: {
          key: { type: 'string', description: `payload.${key}` },
          bindingVersion: '0.5.0',
        },
      },
    };
  }
  for (const topic of [...ALL_TOPICS].sort()) {
    const own = events.filter((definition) => definition.topic === topic);
    const id = channelId(topic);
    const channelMessages = Object.fromEntries(
      own.map((definition) => [
        messageId(definition),
        ref(`#/components/messages/${messageId(definition)}`),
      ]),
    );
    channels[id] = {
      address: topic,
      title: topic,
      description: descriptions[topic] ?? topic,
      messages: channelMessages,
    };
    operations[`send${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: ref(`#/channels/${id}`),
      messages: Object.keys(channelMessages).map((name) =>
        ref(`#/channels/${id}/messages/${name}`),
      ),
    };
  }
  for (const group of DEAD_LETTER_GROUPS) {
    const topic = `${group}.dead-letter.v1`;
    const id = channelId(topic);
    channels[id] = {
      address: topic,
      title: topic,
      description: `Messages the ${group} consumer group could not process, parked for operators (replayable from the ops dashboard).`,
      messages: { DeadLetter: ref('#/components/messages/DeadLetter') },
    };
    operations[`send${id[0].toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: ref(`#/channels/${id}`),
      messages: [ref(`#/channels/${id}/messages/DeadLetter`)],
    };
  }
  messages.DeadLetter = {
    name: 'DeadLetter',
    title: 'A parked message',
    summary: 'The original key and value (utf8 text or base64), with dlq-* headers saying why',
    headers: ref('#/components/schemas/DeadLetterHeaders'),
    payload: {
      type: 'string',
      description: 'The original value, encoded as dlq-value-encoding says',
    },
    bindings: {
      kafka: { key: { type: 'string', description: 'The original key' }, bindingVersion: '0.5.0' },
    },
  };
  schemas.EventHeaders = eventHeadersSchema();
  schemas.DeadLetterHeaders = deadLetterHeadersSchema();
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Metered Supplies events',
      version,
      description: [
        'Every Kafka topic of the platform. Generated from libs/contracts by `npx tsx tools/asyncapi/generate-asyncapi.ts`; do not edit by hand.',
        "Values are JSON envelopes (eventId, type, version, occurredAt, producer, correlationId, causationId, key, payload); the Kafka key is the aggregate id, so one entity's events stay in order.",
        'Schema evolution (docs/events.md): additive changes in place, a breaking change gets a new version published side by side during migration.',
      ].join('\n\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The local stack (npm run stack -- up)',
      },
    },
    channels,
    operations,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
      messages: Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}
