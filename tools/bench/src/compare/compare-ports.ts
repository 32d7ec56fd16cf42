/**
 * The port block of the older revision's stack in `--compare`: next to this one's, between the
 * blocks the helpers' stacks use (theirs step by 10 and 200, apps by 100), so both never collide.
 */
export function comparePortEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const port = (name: string, fallback: number, offset: number) =>
    String(Number(env[name] || fallback) + offset);
  const kafka = Number(env.KAFKA_PORT || 9092);
  const apps = ['GATEWAY', 'IDENTITY', 'REGISTRY', 'ORDERING', 'NOTIFICATIONS', 'OPERATIONS'];
  return {
    KAFKA_PORT: String(kafka + 100),
    KAFKA_CONTROLLER_PORT: port('KAFKA_CONTROLLER_PORT', kafka + 1, 100),
    MONGO_PORT: port('MONGO_PORT', 27017, 5),
    FERRETDB_DEBUG_PORT: port('FERRETDB_DEBUG_PORT', 8088, 5),
    POSTGRES_PORT: port('POSTGRES_PORT', 54329, 5),
    SMTP_PORT: port('SMTP_PORT', 1025, 5),
    MAIL_UI_PORT: port('MAIL_UI_PORT', 8025, 5),
    ...Object.fromEntries(apps.map((app, i) => [`${app}_PORT`, port(`${app}_PORT`, 3000 + i, 50)])),
  };
}
