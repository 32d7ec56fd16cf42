import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StackError } from './errors';
import { stripAnsi } from './log-file';
import { displayPath } from './paths';
import { elapsedSeconds, step } from './progress';

export interface RunOptions {
  /** Component the step belongs to, for progress lines. */
  component: string;
  /** What it does, e.g. "resolving Kafka jars with maven". */
  title: string;
  /** Said once at the start, e.g. "the first build takes 3-4 min". */
  note?: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Full output goes here; failures point at it. */
  logFile: string;
  /** Lines matching this are counted and shown in the heartbeat ("57 downloaded"). */
  countPattern?: RegExp;
  countLabel?: string;
  /** Print every output line instead of a heartbeat (STACK_VERBOSE=1 / CI). */
  stream?: boolean;
  /** Message for a missing executable. */
  notFound?: string;
  uid?: number;
  gid?: number;
}

const HEARTBEAT_MS = 15_000;

const TELLING = /\b(error|fatal|panic|cannot|could not|denied|not found|failed)\b|\bTS\d{4}:/i;
const SUMMARY = /^\s*(ERROR in |webpack .* compiled)|BUILD FAILURE|^\[ERROR\]\s*$/;

/** The first line that names a cause (builds print the cause first, summaries last). */
export function tellingLine(lines: readonly string[]): string {
  const clean = lines.map((line) => stripAnsi(line).trim()).filter(Boolean);
  const line =
    clean.find((candidate) => TELLING.test(candidate) && !SUMMARY.test(candidate)) ??
    clean[clean.length - 1] ??
    '';
  const flat = line.replace(/\s+/g, ' ');
  return flat.length > 220 ? `${flat.slice(0, 217)}…` : flat;
}

/**
 * Runs a long install or build step: keeps the whole output in a log file and shows either
 * every line (verbose) or a line every 15 s with the elapsed time, so a slow first build
 * visibly progresses. A failure becomes one line with the most telling output line.
 */
export function runStep(options: RunOptions): Promise<string> {
  const started = Date.now();
  step(options.component, `${options.title}…${options.note ? ` (${options.note})` : ''}`);
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const tail: string[] = [];
  let output = '';
  let counted = 0;
  return new Promise<string>((resolve, reject) => {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
    });
    const heartbeat = setInterval(() => {
      const count =
        options.countPattern && counted > 0 ? `, ${counted} ${options.countLabel ?? 'done'}` : '';
      step(options.component, `still ${options.title} (${elapsedSeconds(started)} s${count})`);
    }, HEARTBEAT_MS);
    let partial = '';
    const onData = (chunk: Buffer): void => {
      log.write(chunk);
      const text = partial + chunk.toString();
      output += chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (options.countPattern?.test(line)) counted += 1;
        tail.push(line);
        if (tail.length > 200) tail.shift();
        if (options.stream && line.trim()) process.stdout.write(`    ${line}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearInterval(heartbeat);
      log.end();
      reject(
        new StackError(
          error.code === 'ENOENT'
            ? (options.notFound ?? `${options.command} not found`)
            : `${options.title} failed: ${error.message}`,
        ),
      );
    });
    child.once('close', (code) => {
      clearInterval(heartbeat);
      if (partial) tail.push(partial);
      log.end();
      if (code === 0) {
        step(options.component, `${options.title}: done in ${elapsedSeconds(started)} s`);
        resolve(output);
        return;
      }
      const detail = tellingLine(tail);
      reject(
        new StackError(
          `${options.component}: ${options.title} failed (exit ${code})${detail ? `: ${detail}` : ''} — see ${displayPath(options.logFile)}`,
          options.logFile,
        ),
      );
    });
  });
}
