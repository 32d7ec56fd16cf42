/**
 * `npm run bench:ingest`: what a telemetry reading costs and how many the stack takes (issue
 * 17). Bench customers each get an agent; the agents upload their devices' history in
 * batches over HTTP at rising offered rates (readings/s), then at half of the peak with
 * probes of reading accepted → derived state (forecast) updated, then the same readings
 * over Kafka (`telemetry.ingest.v1`). Per phase: readings accepted per second, how long both
 * consumers (ingest, derivation) take to catch up afterwards, database commands and CPU of
 * every stack process per reading (idle commands taken out). Writes docs/perf/ingest.md.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { Topics } from '@metered/contracts';
import type { TelemetryReading } from '@metered/contracts/reference';
import { ensureApps } from '../../../stack/src';
import { runOpenLoop } from '../load/open-loop';
import { round, summarise } from '../load/stats';
import { ensureBenchCustomers } from '../pipeline/bench-customers';
import { cpuSecondsByComponent, cpuSnapshot } from '../pipeline/cpu-time';
import { readCommandCounts, commandsPerOrder } from '../pipeline/database-commands';
import { serviceMetricsUrls, stackProcesses } from '../pipeline/stack-processes';
import { counterDelta, readServiceCounters, sumCounted } from '../accounting/service-counters';
import { describeMachine } from '../report/machine';
import { readBenchSettings } from '../settings';
import { ConsumerLag } from './consumer-lag';
import { IngestSettings, readIngestSettings } from './ingest-settings';
import { ReadingStream } from './reading-stream';
import { BenchAgent, newestPerSerial, TelemetryClient } from './telemetry-client';
import { IngestPhase, ingestReport } from './ingest-report';

const log = (line: string) => console.log(`[bench:ingest] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const READING_STEP_MS = 10_000;

async function main(): Promise<void> {
  const settings = readBenchSettings();
  const ingest = readIngestSettings();
  const machine = describeMachine();
  const loadAtStart = loadavg()[0];
  log(`revision ${machine.revision} on ${machine.cpuModel} (${machine.cores} cores)`);
  if (settings.stack === 'start') {
    process.env.REGISTRATION_UNLIMITED_ADDRESSES ??= '127.0.0.1';
    await ensureApps();
  }
  const customers = await ensureBenchCustomers(settings);
  const client = new TelemetryClient(settings.gatewayUrl);
  const agents: BenchAgent[] = [];
  for (const customer of customers) {
    const created = await client.createAgent(customer.token, `bench agent ${Date.now()}`);
    agents.push({
      ...created,
      customerToken: customer.token,
      serials: customer.serials.map((s) => s.serial),
    });
  }
  // This run's readings: the last 23 hours at a millisecond offset of its own, so a later run
  // stores new readings instead of answering duplicates.
  const now = Date.now();
  const startMs = Math.floor(now / 1000) * 1000 - 23 * 3600_000 + (now % 997) + 1;
  const streams = agents.map(
    (agent) => new ReadingStream(agent.serials, startMs, READING_STEP_MS, now - 60_000),
  );
  await waitUntilSerialsKnown(client, agents, streams);
  log(`${agents.length} agents, ${agents.reduce((n, a) => n + a.serials.length, 0)} devices`);

  const stack = stackProcesses(join(settings.stackDir, 'pids'));
  const targets = serviceMetricsUrls(stack);
  const lag = new ConsumerLag(settings.kafkaBrokers, [
    { groupId: 'telemetry-ingest', topic: Topics.TelemetryIngest },
    { groupId: 'telemetry-derive', topic: Topics.TelemetryDevice },
  ]);
  await lag.connect();
  const drained = await lag.drainSeconds(60_000);
  if (drained === undefined) throw new Error('the telemetry consumers are behind before the bench');

  // The idle rate: what the stack asks of the database doing nothing (taken out of each phase).
  const idleBefore = await readCommandCounts(settings.ferretdbMetricsUrl);
  const idleServices = await readServiceCounters(targets);
  await sleep(ingest.idleMs);
  const idleFerret = commandsPerOrder(
    'idle',
    idleBefore,
    await readCommandCounts(settings.ferretdbMetricsUrl),
    1,
  );
  const idleServiceCount = sumCounted(
    counterDelta(idleServices, await readServiceCounters(targets)),
  );
  const idle = {
    ferretdbPerS: (idleFerret.total ?? NaN) / (ingest.idleMs / 1000),
    servicesPerS: idleServiceCount / (ingest.idleMs / 1000),
  };
  log(
    `idle: ${round(idle.ferretdbPerS, 2)} commands/s (FerretDB), ${round(idle.servicesPerS, 2)}/s (services)`,
  );

  /** Runs `work`, waits for both consumers to catch up, and counts what it cost per reading. */
  const measure = async (
    name: string,
    offered: number,
    work: () => Promise<{ readings: number; requestMs: number[]; errors: number }>,
  ): Promise<IngestPhase> => {
    const ferretBefore = await readCommandCounts(settings.ferretdbMetricsUrl);
    const servicesBefore = await readServiceCounters(targets);
    const cpuBefore = cpuSnapshot(stack);
    const started = performance.now();
    const done = await work();
    // Caught up: every upload answered and both consumers at the end of their topics,
    // counted from the end of the offered window.
    const caughtUp = (await lag.drainSeconds(60_000)) !== undefined;
    const elapsedS = (performance.now() - started) / 1000;
    const drainS = caughtUp ? Math.max(0, elapsedS - ingest.stepMs / 1000) : undefined;
    const cpu = cpuSecondsByComponent(cpuBefore, cpuSnapshot(stack));
    const ferret = commandsPerOrder(
      name,
      ferretBefore,
      await readCommandCounts(settings.ferretdbMetricsUrl),
      1,
    );
    const services = sumCounted(counterDelta(servicesBefore, await readServiceCounters(targets)));
    const readings = Math.max(1, done.readings);
    const cpuSeconds = Object.values(cpu).reduce((sum, s) => sum + s, 0);
    const phase: IngestPhase = {
      name,
      offered,
      accepted: done.readings,
      acceptedPerS: done.readings / (ingest.stepMs / 1000),
      requestMs: summarise(done.requestMs),
      errors: done.errors,
      drainS: drainS ?? null,
      commandsPerReading: ((ferret.total ?? NaN) - idle.ferretdbPerS * elapsedS) / readings,
      serviceCommandsPerReading: (services - idle.servicesPerS * elapsedS) / readings,
      cpuMsPerReading: (cpuSeconds * 1000) / readings,
      cpuByComponent: Object.fromEntries(
        Object.entries(cpu).map(([component, s]) => [component, round((s * 1000) / readings, 3)]),
      ),
      sustained: false,
    };
    phase.sustained =
      phase.errors === 0 &&
      phase.acceptedPerS >= 0.95 * offered &&
      phase.drainS !== null &&
      phase.drainS <= ingest.drainLimitS;
    log(
      `${name}: offered ${offered}/s → ${round(phase.acceptedPerS)}/s accepted, request p99 ${round(phase.requestMs.p99)} ms, ` +
        `drained in ${phase.drainS === null ? '>60' : round(phase.drainS, 1)} s, ${round(phase.commandsPerReading, 4)} commands and ` +
        `${round(phase.cpuMsPerReading, 3)} ms CPU per reading${phase.sustained ? '' : ' — NOT sustained'}`,
    );
    return phase;
  };

  const httpLoad = (rate: number, durationMs: number, probe?: ForecastProbe) => async () => {
    const requestMs: number[] = [];
    let readings = 0;
    let errors = 0;
    const result = await runOpenLoop(
      `http ${rate}/s`,
      rate / ingest.batch,
      durationMs,
      async (_w, i) => {
        const at = i % agents.length;
        const batch = streams[at].take(ingest.batch);
        if (batch.length === 0)
          throw new Error('the reading stream is exhausted (fewer BENCH_INGEST_RATES)');
        const started = performance.now();
        const answer = await client.upload(agents[at], batch);
        requestMs.push(performance.now() - started);
        readings += answer.accepted;
        if (answer.refused > 0 || answer.duplicates > 0) errors++;
        if (probe && at === 0) probe.track(agents[0], batch);
        return true;
      },
    );
    return { readings, requestMs, errors: errors + result.errors };
  };

  // Warm-up: a batch per agent, then the ladder of offered rates.
  await httpLoad(agents.length * ingest.batch, 1000)();
  await lag.drainSeconds(30_000);
  const ladder: IngestPhase[] = [];
  for (const rate of ingest.rates) {
    const phase = await measure(`HTTP ${rate}/s`, rate, httpLoad(rate, ingest.stepMs));
    ladder.push(phase);
    if (!phase.sustained) break;
    await sleep(2000);
  }
  const peak = Math.max(0, ...ladder.filter((p) => p.sustained).map((p) => p.acceptedPerS));
  const halfRate = Math.max(ingest.batch, Math.round(peak / 2 / ingest.batch) * ingest.batch);
  // The step past the knee leaves work behind (queued uploads, vacuum, a derive backlog):
  // let it settle, so half of the peak is measured on a stack that has caught up.
  await lag.drainSeconds(60_000);
  await sleep(20_000);
  const probe = new ForecastProbe(client);
  const half = await measure(
    `HTTP half of peak (${halfRate}/s)`,
    halfRate,
    httpLoad(halfRate, ingest.stepMs, probe),
  );
  await probe.settled();
  const forecast = summarise(probe.latencies);
  log(
    `reading accepted → fleet (derived state) shows it: p50 ${round(forecast.p50)} ms, p99 ${round(forecast.p99)} ms over ${forecast.count} probes (${probe.missed} not seen within 30 s)`,
  );

  const kafka = new Kafka({
    clientId: 'bench-ingest',
    brokers: settings.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  const overKafka = await measure(
    `Kafka ${ingest.kafkaRate}/s`,
    ingest.kafkaRate,
    kafkaLoad(producer, agents, streams, ingest),
  );
  await producer.disconnect();
  await lag.disconnect();

  const report = ingestReport({
    machine,
    loadAtStart,
    ladder,
    peak,
    half,
    forecast,
    forecastMissed: probe.missed,
    overKafka,
    idle,
    settings: ingest,
  });
  writeFileSync(join(settings.outDir, 'ingest.md'), report.markdown);
  writeFileSync(join(settings.outDir, 'ingest.json'), `${JSON.stringify(report.json, null, 2)}\n`);
  console.log(`\n${report.markdown}`);
  log(`written: ${join(settings.outDir, 'ingest.md')}, ingest.json`);
  for (const line of report.misses) log(`target missed: ${line}`);
}

/**
 * Over Kafka: each message one device's readings, keyed by its serial, with the agent's
 * credential in the header — what a fleet that sends directly produces.
 */
function kafkaLoad(
  producer: Producer,
  agents: BenchAgent[],
  streams: ReadingStream[],
  ingest: IngestSettings,
) {
  return async () => {
    const requestMs: number[] = [];
    let readings = 0;
    const perSend = ingest.kafkaMessage * 4;
    const result = await runOpenLoop(
      'kafka',
      ingest.kafkaRate / perSend,
      ingest.stepMs,
      async (_w, i) => {
        const at = i % agents.length;
        const batch = streams[at].take(perSend);
        const bySerial = new Map<string, TelemetryReading[]>();
        for (const reading of batch)
          bySerial.set(reading.serial, [...(bySerial.get(reading.serial) ?? []), reading]);
        const started = performance.now();
        await producer.send({
          topic: Topics.TelemetryIngest,
          messages: [...bySerial].map(([serial, mine]) => ({
            key: serial,
            value: JSON.stringify({ agentId: agents[at].agentId, readings: mine }),
            headers: { credential: agents[at].credential },
          })),
        });
        requestMs.push(performance.now() - started);
        readings += batch.length;
        return true;
      },
    );
    return { readings, requestMs, errors: result.errors };
  };
}

/** Uploads one reading per agent until none is refused for its serial (the read model is fed by events). */
async function waitUntilSerialsKnown(
  client: TelemetryClient,
  agents: BenchAgent[],
  streams: ReadingStream[],
): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (const [at, agent] of agents.entries()) {
    let batch = streams[at].take(agent.serials.length);
    for (;;) {
      const answer = await client.upload(agent, batch);
      if (answer.refused === 0) break;
      if (Date.now() > deadline)
        throw new Error(
          `telemetry still refuses ${agent.serials.join(', ')}: ${JSON.stringify(answer.results?.find((r) => r.status === 'refused'))}`,
        );
      await sleep(1000);
      batch = streams[at].take(agent.serials.length);
    }
  }
}

/**
 * Reading accepted (the upload answered) → the fleet page shows it as the device's last
 * reading, i.e. derivation has applied it and updated the forecast. Up to four probes in
 * flight, on the first agent's uploads, each polling every 100 ms.
 */
class ForecastProbe {
  readonly latencies: number[] = [];
  missed = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly client: TelemetryClient) {}

  track(agent: BenchAgent, batch: TelemetryReading[]): void {
    if (this.inFlight.size >= 4) return;
    const acceptedAt = performance.now();
    const newest = newestPerSerial(batch);
    const probe = (async () => {
      while (performance.now() - acceptedAt < 30_000) {
        const shown = await this.client.lastReadAt(agent.customerToken);
        if ([...newest].every(([serial, at]) => (shown.get(serial) ?? 0) >= at)) {
          this.latencies.push(performance.now() - acceptedAt);
          return;
        }
        await sleep(100);
      }
      this.missed++;
    })()
      .catch(() => {
        this.missed++; // the fleet page did not answer: counted, never hidden
      })
      .finally(() => this.inFlight.delete(probe));
    this.inFlight.add(probe);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
