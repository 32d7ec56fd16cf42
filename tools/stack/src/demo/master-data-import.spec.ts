import { csvChunks, jsonChunks } from './master-data-import';

describe('master data chunks for the import endpoint', () => {
  const header = 'serial,modelCode,country';
  const rows = Array.from({ length: 100 }, (_, i) => `SER${String(i).padStart(8, '0')},M-1,US`);

  it('keeps a small CSV file in one piece', () => {
    expect(csvChunks([header, ...rows.slice(0, 3)].join('\n'))).toEqual([
      [header, ...rows.slice(0, 3)].join('\n'),
    ]);
  });

  it('splits a large CSV file under the limit, repeating the header and losing no row', () => {
    const chunks = csvChunks([header, ...rows, ''].join('\r\n'), 500);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(500);
      expect(chunk.split('\n')[0]).toBe(header);
    }
    expect(chunks.flatMap((chunk) => chunk.split('\n').slice(1))).toEqual(rows);
  });

  it('splits a JSON array into arrays under the limit, in order', () => {
    const items = rows.map((serial) => ({ serial }));
    const chunks = jsonChunks(JSON.stringify(items), 400);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(400);
    expect(chunks.flatMap((chunk) => JSON.parse(chunk) as unknown[])).toEqual(items);
  });
});
