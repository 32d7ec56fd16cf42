/**
 * `npm run bench`: the end-to-end benchmark of issue 8. Baselines first (raw database insert,
 * raw Kafka send and consume, a no-op POST on the services' HTTP stack), then orders over the
 * public API at the same concurrency, then rising offered rates to find the knee, then half of
 * the peak for the latency targets. Prints the ratio table and writes docs/perf/.
 */
import { readFileSync } from 'node:fs';
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
import { BenchCustomer, ensureBenchCustomers } from './pipeline/bench-customers';
import { commandsPerOrder, readCommandCounts } from './pipeline/database-commands';
import { confirmationEmails } from './pipeline/email-latency';
import { EventObserver } from './pipeline/event-observer';
import { AcceptedOrder, orderPlacer, refusedOrder } from './pipeline/order-placement';
import { ProcessSampler } from './pipeline/process-sampler';
import {
  isService,
  serviceMetricsUrls,
  StackProcess,
  stackProcesses,
} from './pipeline/stack-processes';
import { cpuSecondsByComponent, cpuSnapshot } from './pipeline/cpu-time';
import { accountOrders, accountingSection, CounterWindow } from './accounting/order-accounting';
import { counterDelta, readServiceCounters, sumCounted } from './accounting/service-counters';
import { cpuSection, cpuPerOrder, SIMULATOR_COMPONENT } from './report/cpu-per-order';
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
import { runComparison } from './compare/run-compare';
import { BenchSettings, readBenchSettings } from './settings';

const log = (line: string) => console.log(`[bench] ${line}`);
const brief = (phase: PhaseResult) =>
  `${round(phase.rate)}/s, p50 ${round(phase.latency.p50)} ms, p99 ${round(phase.latency.p99)} ms, ${phase.errors} errors`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The older revision's sustained rate, from the run `--compare` made of it just before. */
function compareRateOf(): { revision: string; rate: number } | undefined {
  const file = process.env.BENCH_COMPARE_RESULT;
  if (!file) return undefined;
  const old = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  return { revision: old.machine.revision, rate: old.main.rate };
}

/**
 * The fulfilment simulator's share, measured alone: a few orders placed on the quiet stack,
 * their own pipeline given the simulator's delay to finish, then the window in which they are
 * dispatched and delivered (ordering's updates, its events, the shipping emails) with nothing
 * else placed. Commands per shipped order; the idle rate is taken out in the accounting.
 */
async function simulatorWindow(
  settings: BenchSettings,
  customers: BenchCustomer[],
  window: (work: () => Promise<unknown>) => Promise<CounterWindow>,
  stack: readonly StackProcess[],
): Promise<(CounterWindow & { orders: number }) | { reason: string }> {
  if (settings.simulatorOrders === 0)
    return { reason: 'not measured (FULFILMENT_SIMULATOR=off or BENCH_SIMULATOR_ORDERS=0)' };
  const placed: AcceptedOrder[] = [];
  const place = orderPlacer(settings.gatewayUrl, customers, placed);
  const firstAt = performance.now();
  for (let i = 0; i < settings.simulatorOrders; i++) await place(0, i).catch(() => false);
  const lastAt = performance.now();
  const delay = settings.simulatorDelayMs;
  await sleep(firstAt + delay - 500 - performance.now());
  const cpuBefore = cpuSnapshot(stack);
  const measured = await window(() => sleep(lastAt + 2 * delay + 3000 - performance.now()));
  // Its own process (tools/fulfilment-simulator): CPU from its pid, apart from the services'.
  const simulatorCpuS = cpuSecondsByComponent(cpuBefore, cpuSnapshot(stack))[SIMULATOR_COMPONENT];
  const orders = placed.filter((order) => order.status === 'placed').length;
  log(
    `fulfilment simulator: ${orders} orders shipped in a window of ${round(measured.durationS)} s, ${round(sumCounted(measured.delta) / Math.max(1, orders), 2)} commands each (idle included), its own process ${simulatorCpuS === undefined ? 'not found' : `${round((simulatorCpuS * 1000) / Math.max(1, orders), 1)} ms CPU each`}`,
  );
  return { ...measured, orders };
}

async function main(): Promise<void> {
  const settings = readBenchSettings();
  const machine = describeMachine();
  // `--compare`: this run benches another revision's stack, with this tree's bench.
  if (settings.label) machine.revision = settings.label;
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

  // Every process of the stack (all replicas of a service, every broker) from its pid files.
  const stack = stackProcesses(join(settings.stackDir, 'pids'));
  const metricsTargets = serviceMetricsUrls(stack);
  log(
    `stack: ${stack.length} processes (${stack.map((p) => p.name).join(', ')}), counters read from ${metricsTargets.length}`,
  );
  const counters = () => readServiceCounters(metricsTargets);
  const window = async (work: () => Promise<unknown>) => {
    const before = {
      services: await counters(),
      ferretdb: await readCommandCounts(settings.ferretdbMetricsUrl),
    };
    const started = performance.now();
    await work();
    const durationS = (performance.now() - started) / 1000;
    const after = {
      services: await counters(),
      ferretdb: await readCommandCounts(settings.ferretdbMetricsUrl),
    };
    return {
      delta: counterDelta(before.services, after.services),
      durationS,
      ferretdb: commandsPerOrder(settings.ferretdbMetricsUrl, before.ferretdb, after.ferretdb, 1),
    };
  };
  // A quiet window before any order: what the stack asks of the database doing nothing
  // (after a pause for the customers' setup and the baselines to settle).
  await sleep(5000);
  const idle = await window(() => sleep(settings.idleMs));
  const idleFerretDb = idle.ferretdb.total === null ? NaN : idle.ferretdb.total / idle.durationS;
  log(
    `idle: ${round(sumCounted(idle.delta) / idle.durationS, 2)} commands/s by the services' counters, ${round(idleFerretDb, 2)}/s by FerretDB's (${round(idle.durationS)} s)`,
  );
  const simulator = await simulatorWindow(settings, customers, window, stack);

  const observer = new EventObserver(settings);
  const joinStarted = performance.now();
  await observer.start();
  const consumerJoinS = (performance.now() - joinStarted) / 1000;
  log(`observer consumer joined in ${round(consumerJoinS, 2)} s`);
  const backlog = new BacklogSampler(settings);
  await backlog.start();
  const processes = new ProcessSampler(stack);
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
  const servicesBefore = await counters();
  const cpuBefore = cpuSnapshot(stack);
  const benchCpuBefore = process.cpuUsage();
  const mainStartS = sinceStart();
  const main = await runClosedLoop(
    'orders (main run)',
    settings.concurrency,
    settings.mainMs,
    orderPlacer(settings.gatewayUrl, customers, mainOrders),
  );
  const benchCpu = process.cpuUsage(benchCpuBefore);
  const cpuUsed = cpuSecondsByComponent(cpuBefore, cpuSnapshot(stack));
  const commandsAfter = await readCommandCounts(settings.ferretdbMetricsUrl);
  const servicesAfter = await counters();
  log(`orders ${brief(main)} — ${mainOrders.length} accepted`);
  const accounting = accountOrders({
    orders: mainOrders.length,
    main: { delta: counterDelta(servicesBefore, servicesAfter), durationS: main.durationS },
    idle,
    simulator,
  });
  const cpu = cpuPerOrder(cpuUsed, (benchCpu.user + benchCpu.system) / 1e6, mainOrders.length);
  log(
    `commands per order (services' counters): ${round(accounting.total, 2)}, before the 201 ${round(accounting.beforeResponse, 2)}, end to end without the simulator ${round(accounting.endToEnd, 2)}; CPU ${round(cpu.stackMsPerOrder, 1)} ms per order (fulfilment simulator ${round(cpu.simulatorMsPerOrder, 1)} ms, load generator ${round(cpu.loadGeneratorMsPerOrder, 1)} ms)`,
  );
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
  const halfPeakOrders: AcceptedOrder[] = [];
  const halfPeak = await runOpenLoop(
    `half of peak ${halfRate}/s`,
    halfRate,
    settings.stepMs,
    orderPlacer(settings.gatewayUrl, customers, halfPeakOrders),
  );
  log(`half of peak (${halfRate}/s) → ${brief(halfPeak)}`);

  const latencyOrders = [...mainOrders, ...halfPeakOrders];
  const seen = await observer.waitFor(latencyOrders.map((order) => order.orderId));
  log(`OrderPlaced seen for ${seen}/${mainOrders.length} orders of the main run`);
  const gateway = new GatewayClient(settings.gatewayUrl);
  const admin = await gateway.login(settings.adminEmail, settings.adminPassword);
  const emails = await confirmationEmails(
    gateway,
    admin.body.accessToken,
    customers.map((customer) => customer.email),
    new Set(
      latencyOrders.filter((order) => order.status === 'placed').map((order) => order.orderNumber),
    ),
  );
  const backlogPoints = await backlog.stop();
  const processFigures = processes.stop();
  await observer.stop();

  const eventLatencyOf = (orders: readonly AcceptedOrder[]) => {
    const events = orders.map((order) => ({
      order,
      event: observer.events.get(order.orderId),
      email: emails.get(order.orderNumber),
    }));
    const withEvent = events.filter((e) => e.event);
    const withEmail = withEvent.filter((e) => e.email);
    return {
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
  };
  const eventLatency = eventLatencyOf(mainOrders);
  const eventLatencyHalfPeak = eventLatencyOf(halfPeakOrders);
  const mainEndS = mainStartS + main.durationS;
  // Neither the Kafka lag of the order topic nor the outbox backlog may grow across the main run.
  const mainBacklog = backlogFlat(
    backlogSeries(backlogPoints, mainStartS, mainEndS),
    settings.concurrency,
  );
  const ownCounters = accounting.rows.length > 0 && accounting.missing.length === 0;
  const serviceRss = processFigures.filter((p) => isService(p.component)).map((p) => p.rssMaxMb);
  const result: BenchResult = {
    machine,
    label: settings.label
      ? `stack of revision ${settings.label}, benched by this tree's bench`
      : undefined,
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
    eventLatencyHalfPeak,
    databaseCommands,
    accounting,
    idle: {
      durationS: idle.durationS,
      servicesPerSecond: ownCounters ? accounting.idlePerSecond : null,
      ferretdbPerSecond: idleFerretDb,
      ferretdbByCommand: idle.ferretdb.counts,
    },
    cpu,
    backlog: backlogPoints,
    processes: processFigures,
    consumerJoinS,
    targets: checkTargets({
      // An older revision has no per-service counters: FerretDB's totals stand in (said in the table).
      commandsPerOrder: ownCounters ? accounting.endToEnd : (databaseCommands.total ?? NaN),
      commandsBeforeResponse: ownCounters ? accounting.beforeResponse : NaN,
      cpuMsPerOrder: cpu.stackMsPerOrder,
      sustainedRate: main.rate,
      backlog: mainBacklog,
      dbRate: db.rate,
      dbP50: db.latency.p50,
      compareRate: compareRateOf(),
      halfPeak: halfPeak.latency,
      kafkaToHandler: eventLatencyHalfPeak['Kafka → notifications handler'],
      storedToSmtp: eventLatencyHalfPeak['stored → email handed to SMTP'],
      idleCommandsPerSecond: ownCounters ? (accounting.idlePerSecond ?? NaN) : idleFerretDb,
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
      `Database commands per order (main run), per step:\n${accountingSection(accounting)}\n\n` +
      `Cross-check, FerretDB's totals (every client, the bench's samplers included):\n${databaseCommandsSection(databaseCommands)}\n\n` +
      `${cpuSection(cpu)}\n\n${processTable(result.processes)}\n`,
  );
  log(
    `knee: ${knee ? `offered ${knee.offeredRate}/s, achieved ${round(knee.achievedRate)}/s (${knee.reason})` : 'not reached at the rates tried'}`,
  );
  log(
    `wrote ${settings.outDir}/results.json, chart.svg and latest.md (revision ${machine.revision})`,
  );
}

const compareAt = process.argv.indexOf('--compare');
const run =
  compareAt >= 0
    ? async () => {
        const revision = process.argv[compareAt + 1];
        if (!revision) throw new Error('--compare needs a revision, e.g. --compare 29d291e');
        runComparison(revision, readBenchSettings().outDir);
      }
    : main;

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
