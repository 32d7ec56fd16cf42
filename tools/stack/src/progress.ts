/**
 * Progress lines with the seconds since the command began, so a slow first build visibly
 * moves on ("[ 42s] ferretdb: building with go…"). STACK_QUIET=1 keeps only warnings.
 */
const startedAt = Date.now();

function stamp(): string {
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  return `[${String(seconds).padStart(3)}s]`;
}

function quiet(): boolean {
  return process.env.STACK_QUIET === '1';
}

export function step(component: string, text: string): void {
  if (!quiet()) process.stdout.write(`${stamp()} ${component}: ${text}\n`);
}

export function info(text: string): void {
  if (!quiet()) process.stdout.write(`${text}\n`);
}

/** Something the person should notice even in quiet mode (a fallback, an adopted service). */
export function warn(text: string): void {
  process.stderr.write(`${stamp()} ${text}\n`);
}

export function elapsedSeconds(since: number): number {
  return Math.round((Date.now() - since) / 1000);
}
