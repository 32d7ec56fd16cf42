/**
 * Checks docker-compose.yml, as Docker Compose loads it (tools/compose-check), against the
 * apps' settings lists: every app service runs in production mode with every setting it
 * requires, and every host:port its settings name is a compose service listening there.
 * Compose puts all services on one network, so there are no policies to check, only names
 * and ports.
 */
import {
  AppSettings,
  CONNECTION_KINDS,
  connectionTargets,
  isDevelopment,
  settingsProblems,
} from '@metered/service-kit/config';

export interface ComposeProject {
  services: Record<string, { environment?: Record<string, string | null> }>;
}

/**
 * Ports the third-party images listen on (their own documentation): MongoDB, the Kafka
 * listeners of docker-compose.yml, Mailpit's SMTP and HTTP ports.
 */
export const IMAGE_PORTS: Record<string, number[]> = {
  mongo: [27017],
  kafka: [9092, 9093],
  mailpit: [1025, 8025],
};

function environmentOf(project: ComposeProject, service: string): Record<string, string> {
  const env = project.services[service]?.environment ?? {};
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Ports a compose service listens on: `<APP>_PORT` for our apps, the image's for others. */
function listeningPorts(project: ComposeProject, service: string): number[] {
  const own = environmentOf(project, service)[`${service.toUpperCase()}_PORT`];
  return own ? [Number(own)] : (IMAGE_PORTS[service] ?? []);
}

export function checkComposeWiring(
  project: ComposeProject,
  apps: readonly AppSettings[],
): string[] {
  const problems: string[] = [];
  for (const schema of apps) {
    if (!project.services[schema.app]) {
      problems.push(`${schema.app}: no compose service`);
      continue;
    }
    const env = environmentOf(project, schema.app);
    if (isDevelopment(env)) problems.push(`${schema.app}: NODE_ENV is not production`);
    for (const problem of settingsProblems(schema, env)) problems.push(`${schema.app}: ${problem}`);
    for (const setting of schema.settings.filter((s) => CONNECTION_KINDS.includes(s.kind))) {
      const value = env[setting.name];
      if (!value) continue;
      for (const { host, port } of connectionTargets(setting, value)) {
        if (!project.services[host]) {
          problems.push(`${schema.app}: ${setting.name} (${value}) names no compose service`);
        } else if (!listeningPorts(project, host).includes(port)) {
          problems.push(`${schema.app}: ${setting.name} (${value}): ${host} listens on no ${port}`);
        }
      }
    }
  }
  return problems;
}
