import { readNotificationsConfig } from './notifications.config';

const infrastructure = { smtpUrl: 'smtp://127.0.0.1:1025' } as Parameters<
  typeof readNotificationsConfig
>[0];

describe('readNotificationsConfig', () => {
  it('hands 8 emails to SMTP at once and keeps a claim 2 minutes unless told otherwise', () => {
    const config = readNotificationsConfig(infrastructure, {});
    expect(config.sendConcurrency).toBe(8);
    expect(config.claimTtlMs).toBe(120_000);
  });

  it('reads EMAIL_SEND_CONCURRENCY and EMAIL_CLAIM_TTL_MS', () => {
    const config = readNotificationsConfig(infrastructure, {
      EMAIL_SEND_CONCURRENCY: '1',
      EMAIL_CLAIM_TTL_MS: '5000',
    });
    expect(config.sendConcurrency).toBe(1);
    expect(config.claimTtlMs).toBe(5000);
  });

  it('polls an idle queue every 30 s at most unless EMAIL_IDLE_POLL_MAX_MS says otherwise', () => {
    expect(readNotificationsConfig(infrastructure, {}).idlePollMaxMs).toBe(30_000);
    expect(
      readNotificationsConfig(infrastructure, { EMAIL_IDLE_POLL_MAX_MS: '5000' }).idlePollMaxMs,
    ).toBe(5000);
  });

  it('refuses a value that is not a positive whole number, naming the variable', () => {
    expect(() => readNotificationsConfig(infrastructure, { EMAIL_SEND_CONCURRENCY: '0' })).toThrow(
      'EMAIL_SEND_CONCURRENCY must be a positive whole number, got "0"',
    );
    expect(() => readNotificationsConfig(infrastructure, { EMAIL_CLAIM_TTL_MS: '2.5' })).toThrow(
      /EMAIL_CLAIM_TTL_MS/,
    );
  });
});
