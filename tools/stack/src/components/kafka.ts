import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireJava } from '../prerequisites';
import { kafkaReady } from '../probes';
import { LaunchSpec } from '../process-manager';
import { runStep } from '../run-command';
import { StackSettings } from '../settings';
import { Component } from './component';
import { kafkaServerProperties, newKafkaClusterId } from './kafka-config';
import { installKafkaJars, kafkaLibsDir } from './kafka-install';

const DEFAULT_HEAP = '-Xms256m -Xmx512m';

/** Single-node Kafka 4.1 in KRaft mode, run straight from the Maven-resolved jars. */
export function kafkaComponent(settings: StackSettings): Component {
  const { ports, paths, env } = settings;
  const dataDir = join(paths.dataDir, 'kafka');
  const propertiesFile = join(paths.runDir, 'kafka', 'server.properties');
  const brokers = settings.external.kafkaBrokers ?? `127.0.0.1:${ports.kafka}`;
  const heap = (env.KAFKA_HEAP_OPTS ?? DEFAULT_HEAP).split(/\s+/).filter(Boolean);
  let java = 'java';

  return {
    name: 'kafka',
    kind: 'infra',
    external: settings.external.kafkaBrokers
      ? { url: settings.external.kafkaBrokers, variable: 'KAFKA_BROKERS' }
      : undefined,
    dependsOn: [],
    ports: [
      { port: ports.kafka, hint: 'set KAFKA_PORT or KAFKA_BROKERS' },
      { port: ports.kafkaController, hint: 'set KAFKA_CONTROLLER_PORT or KAFKA_PORT' },
    ],
    url: brokers,
    readyTimeoutMs: 90_000,
    heavyBuild: false,
    fingerprint: () =>
      JSON.stringify({ port: ports.kafka, controller: ports.kafkaController, heap, dataDir }),
    async prepare() {
      java = requireJava(env);
      await installKafkaJars(settings);
    },
    async launchSpec(): Promise<LaunchSpec> {
      const classpath = join(kafkaLibsDir(settings), '*');
      mkdirSync(dataDir, { recursive: true });
      mkdirSync(join(paths.runDir, 'kafka'), { recursive: true });
      writeFileSync(
        propertiesFile,
        kafkaServerProperties({
          port: ports.kafka,
          controllerPort: ports.kafkaController,
          dataDir,
        }),
      );
      if (!existsSync(join(dataDir, 'meta.properties'))) {
        // Formatting writes the cluster id into the data dir (meta.properties); done once.
        await runStep({
          component: 'kafka',
          title: 'formatting storage',
          command: java,
          args: [
            '-cp',
            classpath,
            'kafka.tools.StorageTool',
            'format',
            '-t',
            newKafkaClusterId(),
            '-c',
            propertiesFile,
          ],
          cwd: paths.stackDir,
          env,
          logFile: join(paths.logsDir, 'kafka-format.log'),
        });
      }
      return {
        command: java,
        args: [
          ...heap,
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-XX:+ExitOnOutOfMemoryError',
          '-Djava.awt.headless=true',
          '-Dorg.slf4j.simpleLogger.showDateTime=true',
          '-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS',
          '-cp',
          classpath,
          'kafka.Kafka',
          propertiesFile,
        ],
        env,
        cwd: paths.stackDir,
      };
    },
    // An external cluster may not grant Describe on groups; ours must have a working coordinator.
    isReady: () =>
      kafkaReady(
        brokers.split(',').map((broker) => broker.trim()),
        !settings.external.kafkaBrokers,
      ),
  };
}
