import { commandsPerOrder, parseClientRequests, readCommandCounts } from './database-commands';

const metrics = (find: number, insert: number, hello: number) => `
# HELP ferretdb_client_requests_total Total number of requests.
# TYPE ferretdb_client_requests_total counter
ferretdb_client_requests_total{command="find",opcode="OP_MSG"} ${find}
ferretdb_client_requests_total{command="insert",opcode="OP_MSG"} ${insert}
ferretdb_client_requests_total{command="hello",opcode="OP_MSG"} ${hello}
ferretdb_client_requests_total{command="unknown",opcode="OP_QUERY"} 42
ferretdb_client_responses_total{argument="unknown",command="find",opcode="OP_MSG",result="ok"} 999
ferretdb_client_requests_total_created{command="find",opcode="OP_MSG"} 1.7e9
`;

describe('database commands per order', () => {
  it('sums the request counter per command over its opcodes and ignores other metrics', () => {
    const counts = parseClientRequests(
      `${metrics(1545, 10, 3)}ferretdb_client_requests_total{command="find",opcode="OP_QUERY"} 5\n`,
    );
    expect(counts).toEqual({ find: 1550, insert: 10, hello: 3, unknown: 42 });
  });

  it('reads exponent values and a command label that is not first', () => {
    const counts = parseClientRequests(
      'ferretdb_client_requests_total{opcode="OP_MSG",command="update"} 1.5e+03 1700000000\n',
    );
    expect(counts).toEqual({ update: 1500 });
  });

  it('divides each command of the run by the accepted orders, housekeeping left out', () => {
    const before = { counts: parseClientRequests(metrics(1000, 100, 50)) };
    const after = { counts: parseClientRequests(metrics(1600, 300, 90)) };
    const figure = commandsPerOrder('url', before, after, 100);
    expect(figure.perOrder).toEqual({ find: 6, insert: 2 });
    expect(Object.keys(figure.perOrder!)).toEqual(['find', 'insert']);
    expect(figure.total).toBe(8);
    expect(figure.counts).toEqual({ find: 600, insert: 200, hello: 40 });
    expect(figure.ignored).toEqual(expect.arrayContaining(['hello', 'ping', 'endSessions']));
  });

  it('is null with the reason when a reading failed, a counter went down or no order was accepted', () => {
    const ok = { counts: { find: 10 } };
    expect(commandsPerOrder('url', { error: 'refused' }, ok, 5)).toMatchObject({
      perOrder: null,
      total: null,
      reason: 'before the main run: refused',
    });
    expect(commandsPerOrder('url', ok, { error: 'timeout' }, 5).reason).toBe(
      'after the main run: timeout',
    );
    expect(commandsPerOrder('url', ok, { counts: { find: 3 } }, 5).reason).toContain('went down');
    expect(commandsPerOrder('url', ok, { counts: { find: 20 } }, 0)).toMatchObject({
      total: null,
      reason: 'no order was accepted in the main run',
    });
  });

  it('reports an unreachable metrics address instead of throwing', async () => {
    const snapshot = await readCommandCounts('http://127.0.0.1:9/debug/metrics', 500);
    expect(snapshot).toEqual({ error: expect.stringContaining('did not answer') });
  });
});
