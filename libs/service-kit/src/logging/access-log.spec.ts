import { createServer } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { accessLogOptions } from './service-logger.module';

/** The service's real access-log settings, writing to memory instead of stdout. */
function loggedLines(): { server: ReturnType<typeof createServer>; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const log = pinoHttp(accessLogOptions('gateway'), sink);
  const server = createServer((req, res) => {
    log(req, res);
    res.statusCode = 200;
    res.end('ok');
  });
  return { server, lines };
}

describe('access log', () => {
  it('never writes a one-time token from the query or the Referer', async () => {
    const { server, lines } = loggedLines();
    await request(server)
      .get('/set-password?token=s3cret-one-time-token&page=2')
      .set('Referer', 'http://portal.example/reset-password?token=other-s3cret')
      .expect(200);
    const written = lines.join('\n');
    expect(written).toContain('/set-password?token=[redacted]&page=2');
    expect(written).not.toContain('s3cret');
  });
});
