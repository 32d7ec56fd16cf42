/**
 * `npm run bench`: the end-to-end benchmark of issue 8. Baselines first (raw database insert,
 * raw Kafka send and consume, a no-op POST on the services' HTTP stack), then orders over the
 * public API at the same concurrency, then rising offered rates to find the knee, then half of
 * the peak for the latency targets. Prints the ratio table and writes docs/perf/.
 */
import { join } from 'node:path';
import { GatewayClient } from '../../stack/src/demo/gateway-client';
import { ensureApps } from '../../stack/src';
import { measureDatabaseInserts } from './baselines/db-insert.baseline';
import { measureNoopHttp } from './baselines/http.baseline';
import { measureKafkaConsume, measureKafkaProduce } from './baselines/kafka.baseline';
import { runClosedLoop } from './load/closed-loop';
import { runOpenLoop } from './load/open-loop';
import { PhaseResult } from './load/phase-result';
import { round, summarise } from './load/stats';
import { BacklogSampler } from './pipeline/backlog-sampler';
import { backlogSeries } from './pipeline/backlog-series';
import { ensureBenchCustomers } from './pipeline/bench-customers';
import { commandsPerOrder, readCommandCounts } from './pipeline/database-commands';
import { confirmationEmails } from './pipeline/email-latency';
import { EventObserver } from './pipeline/event-observer';
import { AcceptedOrder, orderPlacer, refusedOrder } from './pipeline/order-placement';
import { ProcessSampler, stackProcesses } from './pipeline/process-sampler';
import { databaseCommandsBrief, databaseCommandsSection } from './report/database-commands-table';
import { kneeStopReason } from './report/knee-stop';
import { backlogFlat } from './report/lag-flat';
import { describeMachine } from './report/machine';
import { checkTargets } from './report/targets';
import {
  BenchResult,
  figureTable,
  processTable,
  targetTable,
  writeReport,
} from './report/write-report';
import { readBenchSettings } from './settings';

const log = (line: string) => console.log(`[bench] ${line}`);
const brief = (phase: PhaseResult) =>
  `${round(phase.rate)}/s, p50 ${round(phase.latency.p50)} ms, p99 ${round(phase.latency.p99)} ms, ${phase.errors} errors`;
const APP_PROCESSES = [
  'gateway',
  'identity',
  'registry',
  'ordering',
  'notifications',
  'operations',
];

async function main(): Promise<void> {
  const settings = readBenchSettings();
  const machine = describeMachine();
  log(
    `revision ${machine.revision} on ${machine.cpuModel} (${machine.cores} cores, ${machine.memoryGb} GB)`,
  );
  if (settings.stack === 'start') {
    log('starting the local stack (npm run stack -- up) …');
    // The bench registers its customers from this machine, more than identity's hourly limit
    // per client address allows: its own identity exempts loopback, as the test runs do.
    process.env.REGISTRATION_UNLIMITED_ADDRESSES ??= '127.0.0.1';
    await ensureApps();
  }
  const startedAt = new Date().toISOString();
  const customers = await ensureBenchCustomers(settings);
  log(
    `${customers.length} customers, ${customers.reduce((n, c) => n + c.serials.length, 0)} serials ready`,
  );

  log('baselines at concurrency ' + settings.concurrency);
  const db = await measureDatabaseInserts(settings);
  log(`B_db   ${brief(db)}`);
  const kafkaProduce = await measureKafkaProduce(settings);
  log(`B_kp   ${brief(kafkaProduce)}`);
  const kafkaConsume = await measureKafkaConsume(settings, 20000);
  log(`B_kc   ${round(kafkaConsume.rate)}/s over ${kafkaConsume.messages} messages`);
  const http = await measureNoopHttp(settings);
  log(`B_http ${brief(http)}`);
  const gatewayValidation = await runClosedLoop(
    'gateway validation',
    settings.concurrency,
    settings.baselineMs,
    refusedOrder(settings.gatewayUrl, customers[0]),
  );
  log(`G_http ${brief(gatewayValidation)}`);

  const observer = new EventObserver(settings);
  const joinStarted = performance.now();
  await observer.start();
  const consumerJoinS = (performance.now() - joinStarted) / 1000;
  log(`observer consumer joined in ${round(consumerJoinS, 2)} s`);
  const backlog = new BacklogSampler(settings);
  await backlog.start();
  const processes = new ProcessSampler(stackProcesses(join(__dirname, '../../../.stack/pids')));
  processes.start();
  const runStart = performance.now();
  const sinceStart = () => (performance.now() - runStart) / 1000;

  const warmup: AcceptedOrder[] = [];
  await runClosedLoop(
    'warm-up',
    settings.concurrency,
    3000,
    orderPlacer(settings.gatewayUrl, customers, warmup),
  );
  const mainOrders: AcceptedOrder[] = [];
  // FerretDB's request counters right around the main run: commands per accepted order.
  const commandsBefore = await readCommandCounts(settings.ferretdbMetricsUrl);
  const mainStartS = sinceStart();
  const main = await runClosedLoop(
    'orders (main run)',
    settings.concurrency,
    settings.mainMs,
    orderPlacer(settings.gatewayUrl, customers, mainOrders),
  );
  const commandsAfter = await readCommandCounts(settings.ferretdbMetricsUrl);
  log(`orders ${brief(main)} — ${mainOrders.length} accepted`);
  const databaseCommands = commandsPerOrder(
    settings.ferretdbMetricsUrl,
    commandsBefore,
    commandsAfter,
    mainOrders.length,
  );
  log(`database commands per order: ${databaseCommandsBrief(databaseCommands)}`);

  const steps: (PhaseResult & { startS: number })[] = [];
  let knee: BenchResult['knee'] = null;
  for (const rate of settings.rates) {
    const startS = sinceStart();
    const step = await runOpenLoop(
      `open loop ${rate}/s`,
      rate,
      settings.stepMs,
      orderPlacer(settings.gatewayUrl, customers, []),
    );
    steps.push({ ...step, startS });
    log(`offered ${rate}/s → ${brief(step)}`);
    const reason = kneeStopReason(
      step,
      rate,
      settings.stepMs / 1000,
      backlogSeries(backlog.points, startS, sinceStart()),
    );
    if (reason) {
      knee = { offeredRate: rate, achievedRate: step.rate, reason };
      log(`knee at ${rate}/s offered — stopping the search: ${reason}`);
      break;
    }
  }
  const peak = Math.max(main.rate, ...steps.map((step) => step.rate));
  const halfRate = Math.max(1, Math.round(peak / 2));
  // Let the backlog of the knee search drain before measuring latency at half of the peak.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const halfPeak = await runOpenLoop(
    `half of peak ${halfRate}/s`,
    halfRate,
    settings.stepMs,
    orderPlacer(settings.gatewayUrl, customers, []),
  );
  log(`half of peak (${halfRate}/s) → ${brief(halfPeak)}`);

  const seen = await observer.waitFor(mainOrders.map((order) => order.orderId));
  log(`OrderPlaced seen for ${seen}/${mainOrders.length} orders of the main run`);
  const gateway = new GatewayClient(settings.gatewayUrl);
  const admin = await gateway.login(settings.adminEmail, settings.adminPassword);
  const emails = await confirmationEmails(
    gateway,
    admin.body.accessToken,
    customers.map((customer) => customer.email),
    new Set(
      mainOrders.filter((order) => order.status === 'placed').map((order) => order.orderNumber),
    ),
  );
  const backlogPoints = await backlog.stop();
  const processFigures = processes.stop();
  await observer.stop();

  const events = mainOrders.map((order) => ({
    order,
    event: observer.events.get(order.orderId),
    email: emails.get(order.orderNumber),
  }));
  const withEvent = events.filter((e) => e.event);
  const withEmail = withEvent.filter((e) => e.email);
  const eventLatency = {
    'stored → published (outbox relay)': summarise(
      withEvent.map((e) => e.event!.publishedAtMs - e.event!.placedAtMs),
    ),
    'Kafka → no-op consumer (own group)': summarise(
      withEvent.map((e) => e.event!.receivedAtMs - e.event!.publishedAtMs),
    ),
    'Kafka → notifications handler': summarise(
      withEmail.map((e) => e.email!.createdAtMs - e.event!.publishedAtMs),
    ),
    'stored → email queued': summarise(
      withEmail.map((e) => e.email!.createdAtMs - e.event!.placedAtMs),
    ),
    'stored → email handed to SMTP': summarise(
      withEmail
        .filter((e) => Number.isFinite(e.email!.sentAtMs))
        .map((e) => e.email!.sentAtMs - e.event!.placedAtMs),
    ),
  };
  const mainEndS = mainStartS + main.durationS;
  // Neither the Kafka lag of the order topic nor the outbox backlog may grow across the main run.
  const mainBacklog = backlogFlat(
    backlogSeries(backlogPoints, mainStartS, mainEndS),
    settings.concurrency,
  );
  const serviceRss = processFigures
    .filter((p) => APP_PROCESSES.includes(p.name))
    .map((p) => p.rssMaxMb);

  const result: BenchResult = {
    machine,
    startedAt,
    settings: {
      concurrency: settings.concurrency,
      baselineS: settings.baselineMs / 1000,
      mainS: settings.mainMs / 1000,
      stepS: settings.stepMs / 1000,
      rates: settings.rates,
      customers: settings.customers,
      serialsPerCustomer: settings.serialsPerCustomer,
    },
    baselines: { db, kafkaProduce, kafkaConsume, http },
    gatewayValidation,
    main: { ...main, startS: mainStartS },
    steps,
    knee,
    halfPeak,
    eventLatency,
    databaseCommands,
    backlog: backlogPoints,
    processes: processFigures,
    consumerJoinS,
    targets: checkTargets({
      sustainedRate: main.rate,
      backlog: mainBacklog,
      dbRate: db.rate,
      kafkaProduceRate: kafkaProduce.rate,
      halfPeak: halfPeak.latency,
      dbP50: db.latency.p50,
      kafkaProduceP50: kafkaProduce.latency.p50,
      kafkaToHandler: eventLatency['Kafka → notifications handler'],
      gatewayRate: gatewayValidation.rate,
      httpRate: http.rate,
      consumerJoinS,
      maxServiceRssMb: serviceRss.length ? Math.max(...serviceRss) : NaN,
    }),
  };
  for (const phase of [
    result.baselines.db,
    result.baselines.kafkaProduce,
    result.baselines.http,
    result.gatewayValidation,
    result.main,
  ]) {
    delete (phase as Partial<{ samples: unknown }>).samples;
  }
  writeReport(settings.outDir, result);
  console.log(
    `\n${figureTable(result)}\n\n${targetTable(result.targets)}\n\n` +
      `Database commands per order (main run):\n${databaseCommandsSection(databaseCommands)}\n\n` +
      `${processTable(result.processes)}\n`,
  );
  log(
    `knee: ${knee ? `offered ${knee.offeredRate}/s, achieved ${round(knee.achievedRate)}/s (${knee.reason})` : 'not reached at the rates tried'}`,
  );
  log(
    `wrote ${settings.outDir}/results.json, chart.svg and latest.md (revision ${machine.revision})`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
