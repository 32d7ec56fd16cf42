/**
 * Secrets come only from the environment or mounted secret files: no private key, credential
 * file or real-looking password is committed. The local stack's documented demo credentials
 * (README) are the only passwords allowed in code, and only in the files listed here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Files allowed to hold the local stack's public demo/test credentials or test key material. */
const ALLOWED = [
  /^README\.md$/,
  /^docs\//,
  /^data\/demo\//,
  /^test\//,
  /^tools\/(stack|bench)\//,
  /\.spec\.ts$/,
  /^libs\/auth\/testing\//,
  /^docker-compose\.yml$/,
  /^k8s\/.*\.example\.ya?ml$/,
];

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
}

describe('secrets stay out of the repository', () => {
  const files = trackedFiles();

  it('commits no private keys, key stores or environment files', () => {
    const suspicious = files.filter(
      (file) =>
        /(^|\/)\.env(\.|$)|\.(pem|key|p12|pfx|jks)$|id_rsa/.test(file) &&
        !file.endsWith('.env.example'),
    );
    expect(suspicious).toEqual([]);
    const withKeys = files.filter((file) => {
      if (/\.(png|svg|jpg|ico|woff2?)$/.test(file) || ALLOWED.some((allowed) => allowed.test(file)))
        return false;
      return /-----BEGIN ([A-Z]+ )?PRIVATE KEY-----/.test(readFileSync(join(ROOT, file), 'utf8'));
    });
    expect(withKeys).toEqual([]);
  });

  it('has no hard-coded passwords, secrets or tokens outside the demo and test files', () => {
    const pattern =
      /\b(password|passwd|secret|api[_-]?key|private[_-]?key)\w*\s*[:=]\s*['"`][^'"`\s]{8,}['"`]/i;
    const hits: string[] = [];
    for (const file of files) {
      if (!/\.(ts|tsx|js|mjs|json|ya?ml|sh)$/.test(file)) continue;
      if (ALLOWED.some((allowed) => allowed.test(file)) || file === 'package-lock.json') continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (pattern.test(line)) hits.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
