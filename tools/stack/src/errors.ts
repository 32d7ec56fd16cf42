/**
 * An error meant for the person at the terminal: the CLI prints its message as one line,
 * without a stack trace, and exits non-zero. Anything else thrown is a bug in the tool.
 */
export class StackError extends Error {
  /** The log that explains the failure; CI and STACK_VERBOSE=1 print its tail under the message. */
  readonly logFile?: string;

  constructor(message: string, logFile?: string) {
    super(message);
    this.name = 'StackError';
    this.logFile = logFile;
  }
}

/** Raised for a component that was skipped because something it needs failed first. */
export class DependencyFailedError extends StackError {
  constructor(component: string, dependency: string) {
    super(`${component} not started because ${dependency} failed`);
    this.name = 'DependencyFailedError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
