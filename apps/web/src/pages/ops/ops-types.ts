/** GET /api/ops/overview (operations service). */
export interface OpsOverview {
  generatedAt: string;
  services: {
    service: string;
    status: 'up' | 'down';
    version: string | null;
    latencyMs: number;
    message?: string;
  }[];
  /** Kafka, the database and SMTP, as operations reaches them. */
  infrastructure: {
    component: 'kafka' | 'database' | 'smtp';
    label: string;
    status: 'up' | 'down';
    latencyMs: number;
    message?: string;
  }[];
  throughput: { intervalSeconds: number; windowSeconds: number; points: ThroughputPoint[] };
  consumerLag: { available: boolean; error?: string; partitions: PartitionLag[] };
  outbox: { service: string; pending: number | null; oldestAgeSeconds: number | null }[];
  deadLetters: { parked: number; replaying: number; replayed: number };
  /** null only while notifications' metrics could not be read. */
  emails: { sent: number | null; failed: number | null };
}

export interface ThroughputPoint {
  at: string;
  published: number;
  consumed: number;
  deadLettered: number;
}

export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  committed: string | null;
  end: string;
  lag: number;
}

/** GET /api/dead-letters items. */
export interface DeadLetter {
  id: string;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  key: string | null;
  value: string | null;
  valueEncoding: 'utf8' | 'base64';
  reason: string;
  error: string;
  consumerGroup: string;
  attempts: number;
  failedAt: string;
  truncated: boolean;
  status: 'parked' | 'replaying' | 'replayed';
  replayedAt?: string;
  replayedBy?: { userId: string; email: string };
}
