import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { httpOk, smtpGreets } from '../probes';
import { LaunchSpec } from '../process-manager';
import { StackSettings } from '../settings';
import { Component } from './component';
import { buildMailpit, mailpitBinary } from './mailpit-build';

function hostPort(smtpUrl: string): { host: string; port: number } {
  const url = new URL(smtpUrl);
  return { host: url.hostname, port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)) };
}

/**
 * Mailpit catches every email the apps send (SMTP) and shows them over HTTP; tests read
 * them through its API. Messages live in Mailpit's temporary database, which it deletes on
 * stop; TMPDIR puts that file under .stack/run/mailpit instead of /tmp.
 */
export function mailpitComponent(settings: StackSettings): Component {
  const { ports, paths, env, external } = settings;
  const smtpUrl = external.smtpUrl ?? `smtp://127.0.0.1:${ports.smtp}`;
  const captureUrl = external.smtpUrl
    ? external.mailCaptureUrl
    : `http://127.0.0.1:${ports.mailUi}`;

  return {
    name: 'mailpit',
    kind: 'infra',
    external: external.smtpUrl ? { url: external.smtpUrl, variable: 'SMTP_URL' } : undefined,
    dependsOn: [],
    ports: [
      { port: ports.smtp, hint: 'set SMTP_PORT or SMTP_URL' },
      { port: ports.mailUi, hint: 'set MAIL_UI_PORT or SMTP_URL' },
    ],
    url: captureUrl ? `${smtpUrl} (web ${captureUrl})` : smtpUrl,
    readyTimeoutMs: 20_000,
    heavyBuild: true,
    fingerprint: () => JSON.stringify({ smtp: ports.smtp, ui: ports.mailUi }),
    async prepare() {
      await buildMailpit(settings);
    },
    async launchSpec(): Promise<LaunchSpec> {
      const tmpDir = join(paths.runDir, 'mailpit');
      mkdirSync(tmpDir, { recursive: true });
      return {
        command: mailpitBinary(settings),
        args: [
          '--smtp',
          `127.0.0.1:${ports.smtp}`,
          '--listen',
          `127.0.0.1:${ports.mailUi}`,
          // Apps configured with SMTP credentials (as in production) must be accepted too.
          '--smtp-auth-accept-any',
          '--smtp-auth-allow-insecure',
          '--max',
          '5000',
          '--disable-version-check',
        ],
        env: { ...env, TMPDIR: tmpDir },
        cwd: paths.stackDir,
      };
    },
    async isReady() {
      const { host, port } = hostPort(smtpUrl);
      const smtp = await smtpGreets(host, port);
      return (
        smtp &&
        (!captureUrl || (await httpOk(`${captureUrl.replace(/\/$/, '')}/api/v1/messages?limit=1`)))
      );
    },
  };
}
