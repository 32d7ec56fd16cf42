import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult } from '@nestjs/terminus';
import {
  DatabaseHealthIndicator,
  INFRASTRUCTURE_CONFIG,
  InfrastructureConfig,
  KafkaHealthIndicator,
} from '@metered/service-kit';
import { Socket } from 'node:net';
import { InfrastructureStatusView } from './dto/overview.response';

/**
 * The shared infrastructure as operations sees it: Kafka (cluster metadata), the database
 * (a ping of operations' own database on the same server as every service's) and the SMTP
 * server (its 220 greeting on `SMTP_URL`). The same checks as the services' readiness, so a
 * red tile here is what makes a service's tile red.
 */
@Injectable()
export class InfrastructureProbe {
  constructor(
    @Inject(KafkaHealthIndicator) private readonly kafka: KafkaHealthIndicator,
    @Inject(DatabaseHealthIndicator) private readonly database: DatabaseHealthIndicator,
    @Inject(INFRASTRUCTURE_CONFIG) private readonly config: InfrastructureConfig,
  ) {}

  probe(timeoutMs: number): Promise<InfrastructureStatusView[]> {
    return Promise.all([
      this.timed('kafka', 'Kafka', async () =>
        fromIndicator(await this.kafka.isHealthy('kafka', timeoutMs), 'kafka', (details) =>
          typeof details.brokers === 'number'
            ? `${details.brokers} broker${details.brokers === 1 ? '' : 's'}`
            : undefined,
        ),
      ),
      this.timed('database', 'Database', async () =>
        fromIndicator(
          await this.database.isHealthy('database', timeoutMs),
          'database',
          () => 'MongoDB wire protocol',
        ),
      ),
      this.timed('smtp', 'SMTP', () => smtpGreeting(this.config.smtpUrl, timeoutMs)),
    ]);
  }

  private async timed(
    component: InfrastructureStatusView['component'],
    label: string,
    check: () => Promise<{ up: boolean; message?: string }>,
  ): Promise<InfrastructureStatusView> {
    const started = Date.now();
    const { up, message } = await check().catch((error: Error) => ({
      up: false,
      message: error.message,
    }));
    return {
      component,
      label,
      status: up ? 'up' : 'down',
      latencyMs: Date.now() - started,
      ...(message ? { message } : {}),
    };
  }
}

function fromIndicator(
  result: HealthIndicatorResult,
  key: string,
  describeUp: (details: Record<string, unknown>) => string | undefined,
): { up: boolean; message?: string } {
  const details = (result[key] ?? {}) as Record<string, unknown>;
  if (details.status === 'up') return { up: true, message: describeUp(details) };
  return { up: false, message: typeof details.message === 'string' ? details.message : 'down' };
}

/** Connects to the SMTP server and reads its greeting ("220 …"), then says QUIT. */
export function smtpGreeting(
  smtpUrl: string,
  timeoutMs: number,
): Promise<{ up: boolean; message?: string }> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port) || (secure ? 465 : 25);
  const where = `${url.hostname}:${port}`;
  if (secure) return Promise.resolve({ up: false, message: `smtps is not probed (${where})` });
  return new Promise((resolve) => {
    const socket = new Socket();
    let answered = false;
    const finish = (outcome: { up: boolean; message?: string }) => {
      if (answered) return;
      answered = true;
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => finish({ up: false, message: `no greeting from ${where}` }));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ up: false, message: `${error.code ?? error.message} (${where})` }),
    );
    socket.once('data', (data) => {
      const line = data.toString('utf8').split('\r\n')[0];
      if (line.startsWith('220')) socket.write('QUIT\r\n');
      finish(line.startsWith('220') ? { up: true, message: where } : { up: false, message: line });
    });
    socket.connect(port, url.hostname);
  });
}
