/**
 * One-time link tokens never reach a server log: the emailed links carry them in the URL
 * fragment (never sent by a browser), and a token sent in the query anyway — an old link, a
 * careless client — is redacted from the access logs of the gateway and of the services
 * (the stack's `.stack/logs/<name>.log`). The set-password page working from such a link in
 * Chromium is proven by test/e2e/portal (validator-and-sign-in, first-run).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GatewayClient, pollUntil } from '../../../tools/stack/src/demo/gateway-client';
import { linkIn, MailCapture } from '../../../tools/stack/src/demo/mail-capture';
import { resolveStackPaths } from '../../../tools/stack/src/paths';
import { appUrl, isManaged, testStackEnv, useApps } from '../../support/stack-env';

const ADMIN_EMAIL = 'admin@metered.local';

function logOf(name: string): string {
  return readFileSync(join(resolveStackPaths().logsDir, `${name}.log`), 'utf8');
}

describe('one-time link tokens stay out of server logs (real stack)', () => {
  beforeAll(async () => {
    await useApps(['gateway']);
  }, 600000);

  it('mails the reset link with its token in the fragment, never in the query', async () => {
    const mail = new MailCapture(testStackEnv().MAIL_CAPTURE_URL);
    const before = (await mail.messagesTo(ADMIN_EMAIL)).map((message) => message.id);
    await new GatewayClient(appUrl('gateway')).expect(202, '/api/auth/password/forgot', {
      body: { email: ADMIN_EMAIL },
    });
    const message = await mail.waitForMatching(
      ADMIN_EMAIL,
      (candidate) => /password/i.test(candidate.subject) && !before.includes(candidate.id),
      'a reset email',
      45000,
    );
    const link = new URL(linkIn(message, '/reset-password'));
    expect(link.search).toBe('');
    expect(link.hash).toMatch(/^#token=[A-Za-z0-9_\-.%]{20,}$/);
  });

  it.each([
    ['gateway', '/api/auth/me'],
    ['identity', '/auth/me'],
  ] as const)('leaves no query token in the %s log', async (name, path) => {
    if (!isManaged(name)) return; // its log is not ours to read
    const secret = `secret-${randomUUID()}`;
    const probe = randomUUID();
    await new GatewayClient(appUrl(name)).call(`${path}?probe=${probe}&token=${secret}`, {});
    // The access line is written when the response is done; wait until it is in the file.
    const log = await pollUntil(
      async () => logOf(name),
      (text) => text.includes(probe),
      { timeoutMs: 15000, intervalMs: 200 },
    );
    expect(log).toContain(`probe=${probe}&token=[redacted]`);
    expect(log).not.toContain(secret);
  });
});
