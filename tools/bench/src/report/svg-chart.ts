/** One line of a chart: a name, a colour and its points (x in seconds of the run). */
export interface Series {
  name: string;
  colour: string;
  points: { x: number; y: number }[];
}

export interface Panel {
  title: string;
  unit: string;
  series: Series[];
}

const WIDTH = 900;
const PANEL_HEIGHT = 220;
const MARGIN = { left: 70, right: 180, top: 30, bottom: 30 };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / magnitude) * magnitude;
}

/** Stacked line-chart panels sharing the time axis, as a standalone SVG document. */
export function renderChart(title: string, panels: readonly Panel[]): string {
  const points = panels.flatMap((panel) => panel.series.flatMap((series) => series.points));
  const xMax = niceMax(Math.max(1, ...points.map((point) => point.x)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const parts: string[] = [];
  parts.push(
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`,
  );
  panels.forEach((panel, index) => {
    const top = 30 + index * PANEL_HEIGHT;
    const values = panel.series
      .flatMap((series) => series.points.map((point) => point.y))
      .filter(Number.isFinite);
    const yMax = niceMax(Math.max(0, ...values));
    const x = (value: number) => MARGIN.left + (value / xMax) * plotWidth;
    const y = (value: number) =>
      top + MARGIN.top + plotHeight - (Math.min(value, yMax) / yMax) * plotHeight;
    parts.push(
      `<text x="${MARGIN.left}" y="${top + 18}" font-size="13" font-weight="bold">${escape(panel.title)}</text>`,
    );
    for (let tick = 0; tick <= 4; tick++) {
      const value = (yMax * tick) / 4;
      parts.push(
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`,
      );
      parts.push(
        `<text x="${MARGIN.left - 6}" y="${y(value) + 4}" font-size="10" text-anchor="end">${+value.toPrecision(3)} ${escape(panel.unit)}</text>`,
      );
    }
    for (let tick = 0; tick <= 6; tick++) {
      const value = (xMax * tick) / 6;
      parts.push(
        `<text x="${x(value)}" y="${top + MARGIN.top + plotHeight + 14}" font-size="10" text-anchor="middle">${Math.round(value)} s</text>`,
      );
    }
    panel.series.forEach((series, seriesIndex) => {
      const path = series.points
        .filter((point) => Number.isFinite(point.y))
        .map(
          (point, i) => `${i === 0 ? 'M' : 'L'}${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`,
        )
        .join(' ');
      if (path)
        parts.push(`<path d="${path}" fill="none" stroke="${series.colour}" stroke-width="1.6"/>`);
      const legendY = top + MARGIN.top + 12 + seriesIndex * 16;
      parts.push(
        `<line x1="${WIDTH - MARGIN.right + 12}" x2="${WIDTH - MARGIN.right + 30}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${series.colour}" stroke-width="3"/>`,
      );
      parts.push(
        `<text x="${WIDTH - MARGIN.right + 34}" y="${legendY}" font-size="11">${escape(series.name)}</text>`,
      );
    });
  });
  const height = 40 + panels.length * PANEL_HEIGHT;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>\n`;
}
