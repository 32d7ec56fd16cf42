import { cameThroughProxy } from './metrics.controller';

describe('who may read /metrics', () => {
  it('a direct scrape (operations service, Prometheus) may', () => {
    expect(cameThroughProxy({ headers: { host: 'ordering:3003' } })).toBe(false);
  });

  it('a request through an ingress or reverse proxy (from outside) may not', () => {
    expect(cameThroughProxy({ headers: { 'x-forwarded-for': '203.0.113.9' } })).toBe(true);
    expect(cameThroughProxy({ headers: { forwarded: 'for=203.0.113.9' } })).toBe(true);
    expect(cameThroughProxy({ headers: { 'x-real-ip': '203.0.113.9' } })).toBe(true);
  });
});
