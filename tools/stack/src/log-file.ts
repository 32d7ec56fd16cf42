import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StackSettings } from './settings';

// Colour codes in build and app output; the escape character is the point of this pattern.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function logFileOf(settings: StackSettings, name: string): string {
  return join(settings.paths.logsDir, `${name}.log`);
}

/** The last `bytes` of a file as lines (without reading a large log whole). */
export function tailLines(file: string, count: number, bytes = 64 * 1024): string[] {
  if (!existsSync(file)) return [];
  const size = statSync(file).size;
  const length = Math.min(size, bytes);
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  const lines = buffer.toString('utf8').split('\n');
  if (length < size) lines.shift(); // the first line is cut
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.slice(-count);
}

/** The line of a log that most likely says why a process died, shortened for one-line errors. */
export function telltaleLine(file: string): string | undefined {
  const lines = tailLines(file, 40)
    .map(stripAnsi)
    .filter((line) => line.trim() && !line.startsWith('====='));
  const line =
    [...lines]
      .reverse()
      .find((candidate) => /fatal|panic|error|exception|denied|in use|refused/i.test(candidate)) ??
    lines[lines.length - 1];
  if (!line) return undefined;
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}…` : flat;
}
