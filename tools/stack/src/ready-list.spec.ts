import { formatReadyList } from './ready-list';

describe('formatReadyList', () => {
  it('names the web portal first when the gateway runs', () => {
    const text = formatReadyList([
      { name: 'kafka', url: '127.0.0.1:9092' },
      { name: 'gateway', url: 'http://127.0.0.1:3000' },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('ready:');
    expect(lines[1]).toMatch(/^ {2}web portal +http:\/\/127\.0\.0\.1:3000\/$/);
    expect(lines).toHaveLength(4);
  });

  it('has no portal row without the gateway (e.g. --infra-only) and marks external pieces', () => {
    const text = formatReadyList([
      { name: 'kafka', url: 'b:9092', external: { url: 'b:9092', variable: 'KAFKA_BROKERS' } },
    ]);
    expect(text).not.toContain('web portal');
    expect(text).toContain('(external, from KAFKA_BROKERS)');
  });
});
