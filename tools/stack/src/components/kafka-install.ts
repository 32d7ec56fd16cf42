import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from '../errors';
import { withFileLock } from '../file-lock';
import { requireMaven } from '../prerequisites';
import { runStep } from '../run-command';
import { StackSettings } from '../settings';
import { fileHash, isBuilt, markBuilt } from './build-stamp';

export const KAFKA_POM = join(__dirname, '../../kafka/pom.xml');

export function kafkaLibsDir(settings: StackSettings): string {
  return join(settings.paths.cacheDir, 'kafka', 'libs');
}

function hasJars(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((file) => file.endsWith('.jar'));
}

/**
 * Resolves the broker's jars with Maven into .cache/kafka/libs, once per version of the pom.
 * Jars land in a fresh folder that replaces the old one whole, so a failed or older download
 * never leaves a mixed classpath behind.
 */
export async function installKafkaJars(settings: StackSettings): Promise<string> {
  const libs = kafkaLibsDir(settings);
  const stamp = join(settings.paths.cacheDir, 'kafka', 'libs.stamp');
  const key = fileHash(KAFKA_POM);
  if (isBuilt(stamp, key, libs) && hasJars(libs)) return libs;
  return withFileLock(
    join(settings.paths.cacheDir, 'locks', 'kafka.lock'),
    'kafka install',
    async () => {
      if (isBuilt(stamp, key, libs) && hasJars(libs)) return libs;
      requireMaven(settings.env);
      const staging = `${libs}.tmp`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      await runStep({
        component: 'kafka',
        title: 'resolving Kafka 4.1.1 jars with maven',
        command: 'mvn',
        args: [
          '-B',
          '-f',
          KAFKA_POM,
          'dependency:copy-dependencies',
          `-DoutputDirectory=${staging}`,
        ],
        cwd: settings.paths.cacheDir,
        env: settings.env,
        logFile: join(settings.paths.logsDir, 'kafka-maven.log'),
        countPattern: /Downloaded from/,
        countLabel: 'files downloaded',
        stream: settings.verbose,
        notFound: 'Maven not found: install maven',
      });
      if (!hasJars(staging)) throw new StackError('kafka: maven finished but copied no jars');
      rmSync(libs, { recursive: true, force: true });
      renameSync(staging, libs);
      markBuilt(stamp, key);
      return libs;
    },
  );
}
