import { createServer, Server } from 'node:net';

/**
 * A stand-in SMTP server that refuses every recipient for good (550), on the port Mailpit
 * normally holds — the "permanent failure" an email cannot recover from.
 */
export async function startRejectingSmtp(port: number): Promise<Server> {
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.write('220 rejecting.test ESMTP\r\n');
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\r\n')) >= 0) {
        const line = buffered.slice(0, newline).toUpperCase();
        buffered = buffered.slice(newline + 2);
        if (line.startsWith('RCPT')) socket.write('550 5.1.1 mailbox unavailable\r\n');
        else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return server;
}

export function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
