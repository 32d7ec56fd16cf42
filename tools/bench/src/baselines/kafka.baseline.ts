import { Kafka, logLevel } from 'kafkajs';
import { runClosedLoop } from '../load/closed-loop';
import { PhaseResult } from '../load/phase-result';
import { BenchSettings } from '../settings';
import { sampleEventMessage } from './sample-payloads';

// One topic per run, deleted after B_kc read it: every run starts from an empty topic.
const BASELINE_TOPIC = `bench.baseline.${Date.now()}`;

function kafkaOf(settings: BenchSettings): Kafka {
  return new Kafka({
    clientId: 'bench-baseline',
    brokers: settings.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
}

async function ensureTopic(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(BASELINE_TOPIC)) {
      await admin.createTopics({
        topics: [{ topic: BASELINE_TOPIC, numPartitions: 3, replicationFactor: 1 }],
        waitForLeaders: true,
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * B_kp: raw kafkajs `send` with `acks: -1`, one message per call, at the main run's
 * concurrency — what publishing one event costs without the outbox around it.
 */
export async function measureKafkaProduce(
  settings: BenchSettings,
): Promise<PhaseResult & { sent: number }> {
  const kafka = kafkaOf(settings);
  await ensureTopic(kafka);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: BASELINE_TOPIC, acks: -1, messages: [sampleEventMessage(0)] });
    const result = await runClosedLoop(
      'B_kp send acks=-1',
      settings.concurrency,
      settings.baselineMs,
      async (_worker, sequence) => {
        await producer.send({
          topic: BASELINE_TOPIC,
          acks: -1,
          messages: [sampleEventMessage(sequence)],
        });
        return true;
      },
    );
    return { ...result, sent: result.latency.count };
  } finally {
    await producer.disconnect();
  }
}

/**
 * B_kc: a raw kafkajs consumer with a no-op `eachMessage` reading the whole baseline topic
 * (B_kp's messages plus a topped-up batch) from the beginning — the consumer-side floor.
 */
export async function measureKafkaConsume(
  settings: BenchSettings,
  minimum: number,
): Promise<{ rate: number; messages: number; seconds: number }> {
  const kafka = kafkaOf(settings);
  const admin = kafka.admin();
  await admin.connect();
  const offsetsNow = async () =>
    (await admin.fetchTopicOffsets(BASELINE_TOPIC)).reduce(
      (sum, p) => sum + Number(p.high) - Number(p.low),
      0,
    );
  let total = await offsetsNow();
  if (total < minimum) {
    const producer = kafka.producer();
    await producer.connect();
    for (let sent = total; sent < minimum; sent += 500) {
      const batch = Array.from({ length: Math.min(500, minimum - sent) }, (_, i) =>
        sampleEventMessage(sent + i),
      );
      await producer.send({ topic: BASELINE_TOPIC, acks: -1, messages: batch });
    }
    await producer.disconnect();
    total = await offsetsNow();
  }
  const consumer = kafka.consumer({ groupId: `bench-baseline-${process.pid}-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: BASELINE_TOPIC, fromBeginning: true });
  let seen = 0;
  let first = 0;
  let last = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async () => {
        const now = performance.now();
        if (seen === 0) first = now;
        last = now;
        seen += 1;
        if (seen >= total) resolve();
      },
    });
  });
  await Promise.race([done, new Promise<void>((resolve) => setTimeout(resolve, 90000))]);
  await consumer.disconnect();
  await admin.deleteTopics({ topics: [BASELINE_TOPIC] }).catch(() => undefined);
  await admin.disconnect();
  const seconds = Math.max(0.001, (last - first) / 1000);
  return { rate: seen / seconds, messages: seen, seconds };
}
