import { publicReason } from './public-reason';

describe('publicReason', () => {
  it('turns socket and driver errors into plain phrases without hosts, ports or paths', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), {
      code: 'ECONNREFUSED',
    });
    expect(publicReason(refused)).toBe('not reachable');
    expect(publicReason(new Error('ping timed out after 2000 ms'))).toBe('timed out');
    expect(publicReason(new Error('KafkaJSNumberOfRetriesExceeded', { cause: refused }))).toBe(
      'not reachable',
    );
    expect(publicReason(new Error("ENOENT: no such file or directory, stat '/srv/x'"))).toBe(
      'not available',
    );
    expect(publicReason('weird')).toBe('not available');
  });
});
