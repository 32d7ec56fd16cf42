import { EnvSettingsReader, InfrastructureConfig, readEnvSettings } from '@metered/service-kit';
import { DEFAULT_DELIVERY_POLICY, DeliveryPolicy } from '../emails/domain/delivery-policy';

export const NOTIFICATIONS_CONFIG = Symbol('NOTIFICATIONS_CONFIG');

export interface NotificationsConfig {
  /** `SMTP_URL` (service-kit), e.g. smtp://127.0.0.1:1025. */
  smtpUrl: string;
  /** `PORTAL_URL`: base of the portal links in emails (e.g. Order Supplies in a supply-low alert). */
  portalUrl: string;
  /** `EMAIL_FROM`: the sender every email shows. */
  from: string;
  /** `EMAIL_MAX_ATTEMPTS`, `EMAIL_BACKOFF_INITIAL_MS`, `EMAIL_BACKOFF_MAX_MS`. */
  delivery: DeliveryPolicy;
  /**
   * `EMAIL_POLL_INTERVAL_MS`: how often the sender looks for due emails while it finds some
   * (it is also nudged by every email queued in its process).
   */
  pollIntervalMs: number;
  /**
   * `EMAIL_IDLE_POLL_MAX_MS`: the safety poll of an idle queue (the wait doubles from
   * `pollIntervalMs` up to this); it catches expired claims and other replicas' retries.
   */
  idlePollMaxMs: number;
  /** Due emails one sender pass claims at most. */
  batchSize: number;
  /**
   * `EMAIL_CLAIM_TTL_MS`: how long a claimed email stays with one replica before another may
   * take it over (and re-send it, if the first one died during the SMTP hand-over).
   */
  claimTtlMs: number;
  /**
   * `EMAIL_SEND_CONCURRENCY`: emails this replica holds claimed and hands to SMTP at the same
   * time (also its pooled SMTP connections).
   */
  sendConcurrency: number;
  /**
   * `EMAIL_MAX_PER_RECIPIENT_PER_HOUR` (10): capped emails (registration and reset emails,
   * emails/domain/recipient-cap.ts) one address gets per sliding hour; more are suppressed.
   */
  maxPerRecipientPerHour: number;
}

function positive(settings: EnvSettingsReader, name: string, fallback: number): number {
  return settings.number(name, { default: fallback });
}

export function readNotificationsConfig(
  infrastructure: InfrastructureConfig,
  env: NodeJS.ProcessEnv = process.env,
): NotificationsConfig {
  return readEnvSettings(env, (settings) => ({
    smtpUrl: infrastructure.smtpUrl,
    portalUrl: (env.PORTAL_URL?.trim() || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    from: env.EMAIL_FROM || 'Metered Supplies <no-reply@metered.local>',
    delivery: {
      maxAttempts: positive(settings, 'EMAIL_MAX_ATTEMPTS', DEFAULT_DELIVERY_POLICY.maxAttempts),
      initialBackoffMs: positive(
        settings,
        'EMAIL_BACKOFF_INITIAL_MS',
        DEFAULT_DELIVERY_POLICY.initialBackoffMs,
      ),
      maxBackoffMs: positive(
        settings,
        'EMAIL_BACKOFF_MAX_MS',
        DEFAULT_DELIVERY_POLICY.maxBackoffMs,
      ),
    },
    pollIntervalMs: positive(settings, 'EMAIL_POLL_INTERVAL_MS', 1000),
    idlePollMaxMs: positive(settings, 'EMAIL_IDLE_POLL_MAX_MS', 30_000),
    batchSize: 20,
    claimTtlMs: positive(settings, 'EMAIL_CLAIM_TTL_MS', 2 * 60 * 1000),
    sendConcurrency: positive(settings, 'EMAIL_SEND_CONCURRENCY', 8),
    maxPerRecipientPerHour: positive(settings, 'EMAIL_MAX_PER_RECIPIENT_PER_HOUR', 10),
  }));
}
