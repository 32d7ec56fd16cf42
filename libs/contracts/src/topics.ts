/**
 * Every Kafka topic of the platform, named `<owner>.<entity>.v<major>`: the owning service,
 * the entity whose events it carries (all event types of that entity share the topic so
 * they stay in order per key), and the major version — a breaking change gets a new topic.
 * Code never spells a topic as a literal string; it uses these names.
 */
export const Topics = {
  /** identity: registration requests and their outcome. */
  IdentityRegistration: 'identity.registration.v1',
  /**
   * identity: one-time links (set password, reset password) for the notifications service
   * to mail. Carries secrets until they expire: restrict it to identity and notifications.
   */
  IdentityAccessLink: 'identity.access-link.v1',
  /** identity: users (activation). */
  IdentityUser: 'identity.user.v1',
  /** identity: sign-in sessions; every service consumes revocations. */
  IdentitySession: 'identity.session.v1',
  /** registry: the outcome of checking a registration's serial numbers. */
  RegistrySerialCheck: 'registry.serial-check.v1',
  /** registry: devices (serials), their contracts and supply items. */
  RegistryDevice: 'registry.device.v1',
  /** registry: customer accounts (ship-to address changes). */
  RegistryAccount: 'registry.account.v1',
  /** registry: customers' requests to the helpdesk (more machines, items not listed). */
  RegistryAccountRequest: 'registry.account-request.v1',
  /**
   * ordering: orders and their lifecycle. Automatic orders (channel `auto`, placed by
   * `system:auto-replenishment` for telemetry's ReplenishmentRequested) carry the reading
   * that triggered them in the snapshot's `trigger`.
   */
  OrderingOrder: 'ordering.order.v1',
  /**
   * fulfilment: shipments of orders. In dev and tests the ordering service's fulfilment
   * simulator produces them; in production the warehouse/ERP integration does.
   */
  FulfilmentShipment: 'fulfilment.shipment.v1',
  /**
   * telemetry: what was derived from devices' readings (readings accepted, forecasts,
   * supply low, device silent, replenishment requested), keyed by serial.
   */
  TelemetryDevice: 'telemetry.device.v1',
  /** telemetry: accounts' replenishment settings, keyed by account id. */
  TelemetryAccount: 'telemetry.account.v1',
  /**
   * telemetry's ingest for fleets that send directly: batches of raw readings
   * (`TelemetryReadingBatch`, not event envelopes) keyed by serial, produced by agents.
   */
  TelemetryIngest: 'telemetry.ingest.v1',
  /** notifications: email delivery outcomes. */
  NotificationsEmail: 'notifications.email.v1',
  /**
   * The audit trail: every staff action (helpdesk, ops, admin) on customer data or the
   * platform, from the service that did it; the operations service keeps it for admins.
   */
  PlatformAudit: 'platform.audit.v1',
  /** The event platform's own self-test traffic (integration tests, smoke checks). */
  PlatformSelftest: 'platform.selftest.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** All topics, for creating them at start-up. */
export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

// Dead-letter topics are per consuming service (`<service>.dead-letter.v1`); the naming rule
// lives in the platform, which creates and writes them.
export { deadLetterTopic } from '@metered/events-core';
