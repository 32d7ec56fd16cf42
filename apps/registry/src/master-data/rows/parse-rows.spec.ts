import { MAX_ROWS, parseRows } from './parse-rows';

describe('parsing uploaded master data rows', () => {
  it('reads CSV with a header row into one object per data row, trimmed', () => {
    const csv = 'serial, modelCode ,country\r\nAB12345678, LM-C3540 ,US\nCD12345678,LM-C3540,DE\n';
    expect(parseRows('csv', csv)).toEqual({
      rows: [
        { serial: 'AB12345678', modelCode: 'LM-C3540', country: 'US' },
        { serial: 'CD12345678', modelCode: 'LM-C3540', country: 'DE' },
      ],
    });
  });

  it('leaves empty CSV cells out, so optional fields are absent and required ones are reported', () => {
    expect(parseRows('csv', 'code,name,family\nLM-1,,office')).toEqual({
      rows: [{ code: 'LM-1', family: 'office' }],
    });
  });

  it('keeps quoted CSV cells with commas and a byte order mark', () => {
    const csv = '\uFEFFreorderNumber,description\nTK-1,"Toner, black"';
    expect(parseRows('csv', csv)).toEqual({
      rows: [{ reorderNumber: 'TK-1', description: 'Toner, black' }],
    });
  });

  it('reports a CSV row with the wrong number of cells as a content problem', () => {
    const parsed = parseRows('csv', 'a,b\n1,2,3');
    expect(parsed).toEqual({
      problems: [{ field: 'content', reason: expect.stringContaining('CSV') }],
    });
  });

  it('reads a JSON array of objects', () => {
    expect(parseRows('json', '[{"code":"LM-1"}]')).toEqual({ rows: [{ code: 'LM-1' }] });
  });

  it('refuses JSON that is not an array, and rows that are not objects', () => {
    expect(parseRows('json', '{"code":"LM-1"}')).toEqual({
      problems: [{ field: 'content', reason: 'content must be a JSON array of rows' }],
    });
    expect(parseRows('json', '[{"code":"LM-1"}, 3]')).toEqual({
      problems: [{ field: 'rows.1', reason: 'each row must be a JSON object' }],
    });
    expect(parseRows('json', '[{')).toEqual({
      problems: [{ field: 'content', reason: expect.stringContaining('not valid JSON') }],
    });
  });

  it('refuses an empty file and more rows than one request may carry', () => {
    expect(parseRows('csv', 'code,name\n')).toEqual({
      problems: [{ field: 'content', reason: 'content has no rows' }],
    });
    const many = JSON.stringify(Array.from({ length: MAX_ROWS + 1 }, () => ({})));
    expect(parseRows('json', many)).toEqual({
      problems: [{ field: 'content', reason: expect.stringContaining(`at most ${MAX_ROWS}`) }],
    });
  });
});
