import { partitionLag } from './consumer-lag.monitor';

describe('consumer lag of one partition', () => {
  it('is the distance from the committed offset to the end', () => {
    expect(partitionLag('40', '42', '0')).toBe(2);
  });

  it('counts every retained message when the group never committed', () => {
    expect(partitionLag('-1', '42', '10')).toBe(32);
  });

  it('is never negative', () => {
    expect(partitionLag('50', '42', '0')).toBe(0);
  });
});
