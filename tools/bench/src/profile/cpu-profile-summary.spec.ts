import { packageOf, summariseCpuProfile } from './cpu-profile-summary';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });

describe('summariseCpuProfile', () => {
  const profile = {
    startTime: 0,
    endTime: 2_000_000,
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), hitCount: 0 },
      { id: 2, callFrame: frame('(idle)', ''), hitCount: 50 },
      { id: 3, callFrame: frame('deserialize', '/r/node_modules/bson/lib/bson.cjs'), hitCount: 30 },
      { id: 4, callFrame: frame('validate', '/r/node_modules/@nestjs/core/x.js'), hitCount: 10 },
      { id: 5, callFrame: frame('place', '/r/dist/apps/ordering/main.js'), hitCount: 10 },
    ],
  };

  it('shares busy samples by function and by package, idle apart', () => {
    const summary = summariseCpuProfile(profile);
    expect(summary.durationS).toBe(2);
    expect(summary.idlePercent).toBe(50);
    expect(summary.packages).toEqual([
      { name: 'bson', percent: 60 },
      { name: '@nestjs/core', percent: 20 },
      { name: 'app', percent: 20 },
    ]);
    expect(summary.functions[0]).toEqual({ name: 'deserialize bson/lib/bson.cjs:10', percent: 60 });
  });

  it('names scoped packages, Node itself and our code', () => {
    expect(packageOf('file:///r/node_modules/@nestjs/core/a.js')).toBe('@nestjs/core');
    expect(packageOf('node:internal/streams')).toBe('node');
    expect(packageOf('/r/dist/apps/ordering/main.js')).toBe('app');
  });
});
