import { Admin, Kafka, logLevel } from 'kafkajs';

/** A consumer group and the topic whose backlog it works through. */
export interface WatchedGroup {
  groupId: string;
  topic: string;
}

/**
 * Messages each group still has to read (end offset minus committed offset, summed over the
 * topic's partitions). A partition the group never committed counts from its low mark.
 */
export class ConsumerLag {
  private readonly admin: Admin;

  constructor(
    brokers: string[],
    private readonly groups: readonly WatchedGroup[],
  ) {
    this.admin = new Kafka({
      clientId: 'bench-ingest-lag',
      brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }

  async read(): Promise<Record<string, number>> {
    const lag: Record<string, number> = {};
    for (const { groupId, topic } of this.groups) {
      const [committed] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
      const ends = await this.admin.fetchTopicOffsets(topic);
      lag[groupId] = ends.reduce((sum, end) => {
        const done = committed?.partitions.find((p) => p.partition === end.partition);
        const offset = done && done.offset !== '-1' ? Number(done.offset) : Number(end.low);
        return sum + Math.max(0, Number(end.high) - offset);
      }, 0);
    }
    return lag;
  }

  /**
   * Seconds until every watched group has caught up (lag 0), or undefined when it has not
   * within `timeoutMs`. A consumer that keeps up drains in about one poll.
   */
  async drainSeconds(timeoutMs: number): Promise<number | undefined> {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      const lag = await this.read();
      if (Object.values(lag).every((behind) => behind === 0))
        return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return undefined;
  }
}
