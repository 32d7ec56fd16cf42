import { labelOf, maxOf, parsePrometheusText, sumOf } from './prometheus-text';

const TEXT = `# HELP events_published_total Events published
# TYPE events_published_total counter
events_published_total{topic="ordering.order.v1",type="OrderPlaced"} 3
events_published_total{topic="platform.audit.v1",type="StaffActionRecorded"} 2

events_consumed_total{group="notifications",topic="ordering.order.v1",type="OrderPlaced",outcome="handled"} 5
events_consumed_total{group="notifications",topic="ordering.order.v1",type="OrderPlaced",outcome="duplicate"} 1
outbox_oldest_pending_age_seconds 12.5
service_info{service="ordering",version="1.4.0"} 1
odd_label{note="a \\"quoted\\", comma"} 7 1700000000000
http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/x",status="200"} 4
garbage line here
`;

describe('Prometheus text', () => {
  const samples = parsePrometheusText(TEXT);

  it('sums a counter over its labels, or over the labels asked for', () => {
    expect(sumOf(samples, 'events_published_total')).toBe(5);
    expect(sumOf(samples, 'events_consumed_total', { outcome: 'handled' })).toBe(5);
    expect(sumOf(samples, 'not_there')).toBe(0);
  });

  it('reads unlabelled gauges, label values with escapes and timestamps', () => {
    expect(maxOf(samples, 'outbox_oldest_pending_age_seconds')).toBe(12.5);
    expect(maxOf(samples, 'missing')).toBeUndefined();
    expect(labelOf(samples, 'service_info', 'version')).toBe('1.4.0');
    expect(samples.find((s) => s.name === 'odd_label')).toEqual({
      name: 'odd_label',
      labels: { note: 'a "quoted", comma' },
      value: 7,
    });
    expect(samples.find((s) => s.name === 'http_request_duration_seconds_bucket')?.labels.le).toBe(
      '+Inf',
    );
  });

  it('skips lines it cannot read instead of failing', () => {
    expect(samples.some((s) => s.name === 'garbage')).toBe(false);
  });
});
