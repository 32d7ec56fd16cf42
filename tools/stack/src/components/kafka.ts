import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireJava } from '../prerequisites';
import { kafkaReady } from '../probes';
import { LaunchSpec } from '../process-manager';
import { runStep } from '../run-command';
import { localBrokers, StackSettings } from '../settings';
import { brokerPorts, instanceName } from '../shape';
import { Component } from './component';
import { kafkaServerProperties, newKafkaClusterId } from './kafka-config';
import { installKafkaJars, kafkaLibsDir } from './kafka-install';

const DEFAULT_HEAP = '-Xms256m -Xmx512m';

/**
 * The cluster id every node of an n-broker cluster is formatted with: made by whichever node
 * starts first (the file is created exclusively), read by the others.
 */
function sharedClusterId(file: string): string {
  try {
    writeFileSync(file, newKafkaClusterId(), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Kafka 4.1 in KRaft mode, run straight from the Maven-resolved jars: node `index` of a
 * cluster of `settings.shape.brokers` combined broker+controller nodes (one by default).
 * A cluster of n > 1 keeps its data apart (`data/kafka-<n>/<index>`), so switching shapes
 * never reformats the single-node data in `data/kafka`.
 */
export function kafkaComponent(settings: StackSettings, index = 1): Component {
  const { paths, env } = settings;
  const count = settings.shape.brokers;
  const name = instanceName('kafka', index);
  const own = brokerPorts(settings.ports, index);
  const ports = { kafka: own.kafka, kafkaController: own.controller };
  const controllerPorts = Array.from(
    { length: count },
    (_, at) => brokerPorts(settings.ports, at + 1).controller,
  );
  const clusterDir = count === 1 ? undefined : join(paths.dataDir, `kafka-${count}`);
  const dataDir = clusterDir ? join(clusterDir, String(index)) : join(paths.dataDir, 'kafka');
  const runDir = join(paths.runDir, name);
  const propertiesFile = join(runDir, 'server.properties');
  const ownBroker = `127.0.0.1:${ports.kafka}`;
  const brokers = settings.external.kafkaBrokers ?? localBrokers(settings).join(',');
  const heap = (env.KAFKA_HEAP_OPTS ?? DEFAULT_HEAP).split(/\s+/).filter(Boolean);
  let java = 'java';

  return {
    name,
    kind: 'infra',
    external: settings.external.kafkaBrokers
      ? { url: settings.external.kafkaBrokers, variable: 'KAFKA_BROKERS' }
      : undefined,
    dependsOn: [],
    ports: [
      { port: ports.kafka, hint: 'set KAFKA_PORT or KAFKA_BROKERS' },
      { port: ports.kafkaController, hint: 'set KAFKA_CONTROLLER_PORT or KAFKA_PORT' },
    ],
    url: settings.external.kafkaBrokers ?? ownBroker,
    // A node of a cluster restarted after SIGKILL recovers every replica's log first; with
    // three JVMs and twelve services on two cores that alone took over 90 s.
    readyTimeoutMs: count > 1 ? 240_000 : 90_000,
    heavyBuild: false,
    fingerprint: () =>
      JSON.stringify({
        port: ports.kafka,
        controller: ports.kafkaController,
        heap,
        dataDir,
        ...(count > 1 ? { voters: controllerPorts } : {}),
      }),
    async prepare() {
      java = requireJava(env);
      await installKafkaJars(settings);
    },
    async launchSpec(): Promise<LaunchSpec> {
      const classpath = join(kafkaLibsDir(settings), '*');
      mkdirSync(dataDir, { recursive: true });
      mkdirSync(runDir, { recursive: true });
      writeFileSync(
        propertiesFile,
        kafkaServerProperties({
          port: ports.kafka,
          controllerPort: ports.kafkaController,
          dataDir,
          nodeId: index,
          controllerPorts,
        }),
      );
      if (!existsSync(join(dataDir, 'meta.properties'))) {
        // Formatting writes the cluster id into the data dir (meta.properties); done once.
        await runStep({
          component: name,
          title: 'formatting storage',
          command: java,
          args: [
            '-cp',
            classpath,
            'kafka.tools.StorageTool',
            'format',
            '-t',
            clusterDir ? sharedClusterId(join(clusterDir, 'cluster-id')) : newKafkaClusterId(),
            '-c',
            propertiesFile,
          ],
          cwd: paths.stackDir,
          env,
          logFile: join(paths.logsDir, `${name}-format.log`),
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
    // A node of ours is asked directly (the others may be down); the coordinator lookup
    // needs the quorum and, on a fresh cluster, enough brokers for __consumer_offsets.
    isReady: () =>
      settings.external.kafkaBrokers
        ? kafkaReady(
            brokers.split(',').map((broker) => broker.trim()),
            false,
          )
        : kafkaReady([ownBroker], true),
  };
}
