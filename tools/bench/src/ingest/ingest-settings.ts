import { int } from '../settings';

/** What the ingest benchmark does on top of the order bench's settings; each has a variable. */
export interface IngestSettings {
  /** Readings per HTTP upload (an agent catching up; ≤ MAX_READINGS_PER_BATCH). */
  batch: number;
  /** Readings per Kafka message (one device's readings, keyed by its serial). */
  kafkaMessage: number;
  /** Offered readings/s tried over HTTP, in order; the ladder stops at the first not sustained. */
  rates: number[];
  /** Offered readings/s over Kafka. */
  kafkaRate: number;
  /** Each measured phase. */
  stepMs: number;
  /** The quiet window that gives the idle command rate taken out of each phase. */
  idleMs: number;
  /** A phase is sustained only if both consumers catch up within this after it ends. */
  drainLimitS: number;
}

export function readIngestSettings(env: NodeJS.ProcessEnv = process.env): IngestSettings {
  const quick = env.BENCH_QUICK === '1';
  return {
    batch: int(env, 'BENCH_INGEST_BATCH', 500),
    kafkaMessage: int(env, 'BENCH_INGEST_KAFKA_MESSAGE', 100),
    rates: (env.BENCH_INGEST_RATES ?? (quick ? '500,1000' : '500,1000,2000,4000,8000'))
      .split(',')
      .map((rate) => Number(rate.trim()))
      .filter((rate) => rate > 0),
    kafkaRate: int(env, 'BENCH_INGEST_KAFKA_RATE', 1000),
    stepMs: int(env, 'BENCH_INGEST_STEP_S', quick ? 6 : 15) * 1000,
    idleMs: int(env, 'BENCH_IDLE_S', quick ? 5 : 10) * 1000,
    drainLimitS: int(env, 'BENCH_INGEST_DRAIN_LIMIT_S', 5),
  };
}
