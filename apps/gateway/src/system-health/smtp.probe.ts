import { Socket } from 'node:net';

/**
 * Connects to the SMTP server and waits for its `220` greeting — a real "can we hand mail
 * over" check, cheaper than a full EHLO session.
 */
export function probeSmtp(smtpUrl: string, timeoutMs = 2000): Promise<void> {
  const url = new URL(smtpUrl);
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 25));
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no greeting within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('data', (chunk) => {
      const greeting = chunk.toString('utf8');
      socket.end('QUIT\r\n');
      if (greeting.startsWith('220')) resolve();
      else fail(new Error(`unexpected greeting: ${greeting.trim().slice(0, 80)}`));
    });
    socket.connect(port, url.hostname);
  });
}
