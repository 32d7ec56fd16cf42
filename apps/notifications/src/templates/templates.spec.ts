import { escapeHtml, formatDuration, formatUtc } from './email-layout';
import { loginDetailsEmail } from './login-details.template';
import { passwordResetEmail } from './password-reset.template';
import { registrationReceivedEmail } from './registration-received.template';
import { registrationRejectedEmail } from './registration-rejected.template';
import { serialsNotEligibleEmail } from './serials-not-eligible.template';

const hostile = '<script>alert("x")</script> & Co';
const issuedAt = '2026-03-01T13:00:00.000Z';

describe('email templates', () => {
  it('lists the serials of a received registration and what happens next', () => {
    const email = registrationReceivedEmail({
      contactName: 'Ada Lovelace',
      company: 'Analytical Engines',
      country: 'US',
      serials: ['E72345A6N1', 'E72345A6N2'],
    });
    expect(email.subject).toBe('We received your registration request');
    expect(email.text).toContain('E72345A6N1');
    expect(email.html).toContain('<li>E72345A6N2</li>');
    expect(email.text).toContain('What happens next');
  });

  it('shows the Supplies Helpdesk number and prompts of the recipient country', () => {
    const us = registrationReceivedEmail({
      contactName: 'A',
      company: 'B',
      country: 'US',
      serials: ['E72345A6N1'],
    });
    expect(us.text).toContain('1-800-275-9376 (prompts: 1, 3, 3)');
    expect(us.html).toContain('1-800-275-9376 (prompts: 1, 3, 3)');
    const de = registrationRejectedEmail({
      contactName: 'A',
      company: 'B',
      country: 'DE',
      reason: 'r',
    });
    expect(de.text).toContain('0800 181 8181 (prompts: 1, 4)');
  });

  it('escapes user input in the HTML part and keeps it readable in the text part', () => {
    const email = registrationRejectedEmail({
      contactName: hostile,
      company: hostile,
      country: 'GB',
      reason: hostile,
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.text).toContain(`Reason: ${hostile}`);
  });

  it('lists each failed serial with its reason and points devices without contract to the store', () => {
    const email = serialsNotEligibleEmail({
      contactName: 'Ada',
      country: 'US',
      eligibleCount: 1,
      failed: [
        { serial: 'UNKNOWN001', outcome: 'unknown-serial', message: 'We do not know this serial.' },
        { serial: 'NOCONTRACT1', outcome: 'no-active-contract', message: 'No contract.' },
      ],
    });
    expect(email.text).toContain('UNKNOWN001: unknown serial number — We do not know this serial.');
    expect(email.text).toContain('NOCONTRACT1: no active Metered Supplies contract');
    expect(email.text).toMatch(/online store or from an authorised partner/);
    expect(email.text).toContain('The other serial number passed the checks');
  });

  it('mails the login details as a one-time set-password link with its expiry, never a password', () => {
    const url = 'http://127.0.0.1:3000/set-password?token=abc_DEF-123';
    const email = loginDetailsEmail({
      contactName: 'Ada',
      company: 'Engines',
      email: 'ada@example.com',
      country: 'US',
      setPasswordUrl: url,
      issuedAt,
      expiresAt: '2026-03-04T13:00:00.000Z',
    });
    expect(email.subject).toBe('Your Metered Supplies login details');
    expect(email.text).toContain(url);
    expect(email.html).toContain(`href="${url}"`);
    expect(email.text).toContain('expires in 72 hours (4 March 2026, 13:00 UTC)');
    // A link label ends its line; a password would follow on the same line.
    expect(email.text).not.toMatch(/password: [^\n]/i);
  });

  it('mails the reset link with its one-hour expiry and tells strangers to ignore it', () => {
    const url = 'http://127.0.0.1:3000/reset-password?token=t0k3n&x=1';
    const email = passwordResetEmail({
      contactName: 'Ada',
      country: 'FR',
      resetUrl: url,
      issuedAt,
      expiresAt: '2026-03-01T14:00:00.000Z',
    });
    expect(email.text).toContain(url);
    expect(email.html).toContain('href="http://127.0.0.1:3000/reset-password?token=t0k3n&amp;x=1"');
    expect(email.text).toContain('expires in 1 hour');
    expect(email.text).toContain('If you did not ask for this, ignore this email');
    expect(email.text).toContain('0 800 94 37 69 (prompts: 3, 1)');
  });

  it('formats times and durations for people', () => {
    expect(formatUtc('2026-12-31T23:05:00.000Z')).toBe('31 December 2026, 23:05 UTC');
    expect(formatDuration(issuedAt, '2026-03-01T13:45:00.000Z')).toBe('45 minutes');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });
});
