import { phaseResult } from '../load/phase-result';
import { BenchResult, figureTable } from './write-report';

const phase = (name: string, ratePerS: number, latencyMs: number) =>
  phaseResult(
    name,
    4,
    1000,
    Array.from({ length: ratePerS }, (_, i) => ({ startedAt: i, latencyMs, ok: true })),
  );

describe('the benchmark figure table', () => {
  it('gives each figure its ratio to the same run`s baselines', () => {
    const result = {
      baselines: {
        db: phase('db', 200, 5),
        kafkaProduce: phase('kp', 100, 4),
        kafkaConsume: { rate: 5000, messages: 5000 },
        http: phase('http', 1000, 2),
      },
      gatewayValidation: phase('gw', 500, 3),
      main: { ...phase('main', 50, 30), startS: 0 },
      halfPeak: phase('half', 25, 18),
      steps: [{ ...phase('step', 40, 40), startS: 30 }],
      eventLatency: {},
    } as unknown as BenchResult;
    const table = figureTable(result);
    expect(table).toMatch(/gateway \+ auth \+ validation \(400\) +\| 500 .*\| 0\.5× of B_http/);
    expect(table).toMatch(/orders placed \(main run\) +\| 50 .*\| 0\.5× of min\(B_db, B_kp\)/);
    expect(table).toMatch(/orders at half of peak .*\| p50 2× of B_db\+B_kp p50/);
    expect(table).toMatch(/open loop 4\/s offered +\| 40 .*\| 10× of offered/);
  });
});
