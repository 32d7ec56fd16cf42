import { spawn } from 'node:child_process';
import { connect } from 'node:net';

/**
 * Kafka answers a metadata request (kafkajs admin listTopics) and, with `coordinator`, also
 * finds a group coordinator: on a fresh cluster that creates __consumer_offsets, and after a
 * restart it waits until the coordinator has loaded, so consumers can join right away.
 */
export async function kafkaReady(brokers: string[], coordinator = false): Promise<boolean> {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({
    clientId: 'stack-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1500,
    requestTimeout: 3000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    if (coordinator) await admin.describeGroups(['stack-readiness-probe']);
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The MongoDB-wire server answers `ping`. */
export async function mongoReady(url: string): Promise<boolean> {
  const mongoose = (await import('mongoose')).default;
  const connection = mongoose.createConnection(url, {
    serverSelectionTimeoutMS: 1500,
    connectTimeoutMS: 1500,
    maxPoolSize: 1,
  });
  try {
    await connection.asPromise();
    const reply = await connection.db!.admin().ping();
    return reply.ok === 1;
  } catch {
    return false;
  } finally {
    await connection.close(true).catch(() => undefined);
  }
}

export async function httpOk(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok;
  } catch {
    return false;
  }
}

/** An SMTP server greets with "220" as soon as a client connects. */
export function smtpGreets(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => {
      socket.write('QUIT\r\n');
      done(data.toString().startsWith('220'));
    });
  });
}

/** PostgreSQL accepts connections (its own pg_isready, which speaks the protocol). */
export function postgresReady(pgIsReady: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(
      pgIsReady,
      ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-t', '2'],
      {
        stdio: 'ignore',
      },
    );
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}
