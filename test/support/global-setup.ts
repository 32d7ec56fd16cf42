/**
 * Jest globalSetup of the integration project: makes sure Kafka, FerretDB and Mailpit run
 * (starting what is missing through tools/stack, or using KAFKA_BROKERS / MONGO_URL /
 * SMTP_URL when given) and hands their URLs to the test workers through process.env.
 * The apps are not started here: e2e suites call `useApps([...])` from ./stack-env.
 */
import { randomBytes } from 'node:crypto';
import { ensureInfrastructure, Stack, stackEnvVariables } from '../../tools/stack/src';
import { assertTestDatabasePrefix } from './stack-env';

export default async function globalSetup(): Promise<void> {
  const prefix = process.env.MONGO_DB_PREFIX || 'metered_test';
  assertTestDatabasePrefix(prefix);
  process.env.MONGO_DB_PREFIX = prefix;
  // Everything started from now on (here and by the workers) is tagged with this session,
  // so the teardown stops exactly that and leaves a developer's running stack alone.
  process.env.STACK_SESSION ||= `test-${process.pid}-${randomBytes(3).toString('hex')}`;
  // The suites register hundreds of accounts from 127.0.0.1, past identity's per-address
  // registration limit (10 an hour); the apps started for tests exempt that one address. The
  // limit's own suite calls from other 127.x.y.z addresses (test/security/registration-limits).
  process.env.REGISTRATION_UNLIMITED_ADDRESSES ??= '127.0.0.1';
  try {
    const stackEnv = await ensureInfrastructure();
    Object.assign(process.env, stackEnvVariables(stackEnv));
  } catch (error) {
    // Jest skips the global teardown when the setup throws: stop what this run started here,
    // or a half-started stack (e.g. FerretDB without its PostgreSQL) outlives the run.
    await new Stack().down([], process.env.STACK_SESSION).catch(() => undefined);
    throw error;
  }
}
