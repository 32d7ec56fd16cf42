import { Component } from './components/component';

type Row = Pick<Component, 'name' | 'url' | 'external'>;

/**
 * The list `up` prints once everything answers. The portal comes first: it is what people
 * open, and the gateway serves it at `/`.
 */
export function formatReadyList(components: readonly Row[]): string {
  const gateway = components.find((component) => component.name === 'gateway');
  const rows: { name: string; url: string; external?: Row['external'] }[] = [
    ...(gateway ? [{ name: 'web portal', url: `${gateway.url}/` }] : []),
    ...components,
  ];
  const width = Math.max(...rows.map((row) => row.name.length));
  const lines = rows.map((row) => {
    const note = row.external ? `  (external, from ${row.external.variable})` : '';
    return `  ${row.name.padEnd(width)}  ${row.url}${note}`;
  });
  return ['ready:', ...lines].join('\n');
}
