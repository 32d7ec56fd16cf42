import { summarise } from '../load/stats';
import { IngestPhase, IngestRun, missedTargets } from './ingest-report';

const phase = (over: Partial<IngestPhase>): IngestPhase => ({
  name: 'HTTP 1000/s',
  offered: 1000,
  accepted: 15000,
  acceptedPerS: 1000,
  requestMs: summarise([100, 200]),
  errors: 0,
  drainS: 1,
  commandsPerReading: 0.02,
  serviceCommandsPerReading: 0.02,
  cpuMsPerReading: 0.8,
  cpuByComponent: {},
  sustained: true,
  ...over,
});

const run = (over: Partial<IngestRun>): IngestRun => ({
  machine: { revision: 'abc', cpuModel: 'cpu', cores: 2, memoryGb: 8, os: 'linux', node: 'v20' },
  loadAtStart: 0.1,
  ladder: [phase({})],
  peak: 1000,
  half: phase({ name: 'half', offered: 500 }),
  forecast: summarise([300, 900]),
  forecastMissed: 0,
  overKafka: phase({ name: 'Kafka 1000/s' }),
  idle: { ferretdbPerS: 1, servicesPerS: 1 },
  settings: {
    batch: 500,
    kafkaMessage: 100,
    rates: [1000],
    kafkaRate: 1000,
    stepMs: 15000,
    idleMs: 10000,
    drainLimitS: 5,
  },
  ...over,
});

describe('the ingest bench targets', () => {
  it('are all met by a run within every figure', () => {
    expect(missedTargets(run({}))).toEqual([]);
  });

  it('name each figure a run misses', () => {
    const misses = missedTargets(
      run({
        peak: 500,
        ladder: [phase({ commandsPerReading: 0.06, cpuMsPerReading: 3 })],
        overKafka: phase({ name: 'Kafka 1000/s', sustained: false }),
        forecast: summarise([300, 2500]),
      }),
    );
    expect(misses).toEqual([
      'sustained HTTP ingest 500/s < 1000/s',
      'Kafka ingest at 1000/s not sustained',
      'HTTP 1000/s: 0.06 commands per reading > 0.05',
      'HTTP 1000/s: 3 ms CPU per reading > 1',
      'reading → forecast p99 2500 ms (0 missed) > 2000 ms',
    ]);
  });

  it('counts a probe never seen as a miss even when the seen ones were fast', () => {
    expect(missedTargets(run({ forecastMissed: 1 }))).toHaveLength(1);
  });
});
