/**
 * Several sender replicas against real FerretDB: each due email is claimed by exactly one
 * of them (the claim is a read-decide-write under the platform's document lock — a plain
 * update would let two replicas win, since FerretDB applies updates as read-then-overwrite),
 * and a replica that lost its claim cannot record an outcome.
 */
import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mongoose from 'mongoose';
import { EmailsRepository } from '../../../apps/notifications/src/emails/persistence/emails.repository';
import { databaseUri, runId } from '../../support/event-platform/probe-event';
import { emailStoreImports } from './email-store.imports';

const run = runId();
const service = `notif-claims-${run}`;

@Module({
  imports: emailStoreImports(service),
  providers: [EmailsRepository],
})
class SenderReplicaModule {}

describe('claiming queued emails from several replicas', () => {
  const replicas: INestApplicationContext[] = [];
  const repositories: EmailsRepository[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const app = await NestFactory.createApplicationContext(SenderReplicaModule, {
        logger: ['error'],
      });
      await app.init();
      replicas.push(app);
      repositories.push(app.get(EmailsRepository));
    }
  });

  afterAll(async () => {
    const db = await mongoose.createConnection(databaseUri(service)).asPromise();
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    await Promise.all(replicas.map((app) => app.close()));
  });

  it('gives each due email to exactly one replica', async () => {
    const now = new Date();
    const ids = Array.from({ length: 6 }, (_, i) => `password-reset:${run}-${i}`);
    for (const id of ids) {
      const queued = await repositories[0].enqueue(
        {
          messageId: id,
          template: 'password-reset',
          to: `claims-${run}@example.com`,
          subject: 'Reset',
          text: 'text',
          html: '<p>html</p>',
          causationEventId: id.split(':')[1],
          correlationId: run,
        },
        now,
      );
      expect(queued).toBe(true);
    }
    // A second insert of the same messageId is "already queued", not a second email.
    const again = await repositories[1].enqueue(
      {
        messageId: ids[0],
        template: 'password-reset',
        to: 'x@example.com',
        subject: 's',
        text: 't',
        html: 'h',
        causationEventId: 'c',
        correlationId: run,
      },
      now,
    );
    expect(again).toBe(false);

    const claimAt = new Date(now.getTime() + 10);
    const attempts = ids.flatMap((id) =>
      repositories.map(async (repository, replica) => ({
        id,
        replica,
        email: await repository.claim(id, `worker-${replica}`, claimAt, 60_000),
      })),
    );
    const results = await Promise.all(attempts);
    for (const id of ids) {
      const winners = results.filter((result) => result.id === id && result.email);
      expect(winners).toHaveLength(1);
      expect(winners[0].email?.attempts).toBe(1);
    }

    // Only the claimant records the outcome.
    const first = results.find((result) => result.id === ids[0] && result.email)!;
    const loser = (first.replica + 1) % repositories.length;
    expect(
      await repositories[loser].markForRetry(ids[0], `worker-${loser}`, new Date(), 'nope'),
    ).toBe(false);
    expect(
      await repositories[first.replica].markForRetry(
        ids[0],
        `worker-${first.replica}`,
        new Date(),
        'connect ECONNREFUSED',
      ),
    ).toBe(true);
    const [logged] = await repositories[0]
      .list({ to: `claims-${run}@example.com` }, 50)
      .then((entries) => entries.filter((entry) => entry.messageId === ids[0]));
    expect(logged).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'connect ECONNREFUSED',
    });
  });
});
