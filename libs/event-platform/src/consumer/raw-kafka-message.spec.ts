import { rawMessageOf, textHeaders, valueBytes } from './raw-kafka-message';

describe('raw Kafka message normalisation', () => {
  it('keeps a Buffer value byte for byte', () => {
    const bytes = Buffer.from([1, 2, 3]);
    expect(valueBytes(bytes)).toBe(bytes);
  });

  it("turns Nest's parsed string or object back into bytes", () => {
    expect(valueBytes('abc')?.toString()).toBe('abc');
    expect(valueBytes({ a: 1 })?.toString()).toBe('{"a":1}');
    expect(valueBytes(null)).toBeNull();
  });

  it('turns header values into text', () => {
    expect(
      textHeaders({
        a: Buffer.from('x'),
        b: 'y',
        c: { z: 1 },
        d: undefined,
        e: [Buffer.from('1'), '2'],
      }),
    ).toEqual({
      a: 'x',
      b: 'y',
      c: '{"z":1}',
      e: '1,2',
    });
  });

  it('reads topic, partition, offset and key from the context', () => {
    const context = {
      getMessage: () => ({
        key: Buffer.from('k-1'),
        value: Buffer.from('{}'),
        headers: {},
        offset: '7',
      }),
      getTopic: () => 't.e.v1',
      getPartition: () => 1,
    };
    expect(rawMessageOf(context)).toEqual({
      topic: 't.e.v1',
      partition: 1,
      offset: '7',
      key: 'k-1',
      value: Buffer.from('{}'),
      headers: {},
    });
  });
});
