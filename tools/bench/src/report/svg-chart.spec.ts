import { renderChart } from './svg-chart';

describe('the benchmark chart', () => {
  it('draws one path per series with a legend, and escapes names', () => {
    const svg = renderChart('Run <1>', [
      {
        title: 'Throughput',
        unit: '/s',
        series: [
          {
            name: 'orders & more',
            colour: '#06c',
            points: [
              { x: 0, y: 1 },
              { x: 1, y: 3 },
            ],
          },
          { name: 'empty', colour: '#c60', points: [] },
        ],
      },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('orders &amp; more');
    expect(svg).toContain('Run &lt;1&gt;');
  });
});
