import { ApiResult, FieldProblem } from '../api/api-client';
import { isTokenAnswer, TokenAnswer } from '../session/session';

export interface LoginValues {
  email: string;
  password: string;
}

export type LoginField = keyof LoginValues;
export type LoginFieldErrors = Partial<Record<LoginField, string>>;

// Deliberately loose: the server decides what a valid address is; this only catches typos early.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateLogin(values: LoginValues): LoginFieldErrors {
  const errors: LoginFieldErrors = {};
  const email = values.email.trim();
  if (!email) errors.email = 'Enter your email address.';
  else if (!EMAIL_PATTERN.test(email))
    errors.email = 'Enter an email address like name@company.com.';
  if (!values.password) errors.password = 'Enter your password.';
  return errors;
}

/** What the login page shows for an answer of POST /api/auth/login. */
export type LoginOutcome =
  | { kind: 'signed-in'; answer: TokenAnswer }
  | { kind: 'field-errors'; errors: LoginFieldErrors }
  | { kind: 'problem'; message: string; offerHelpdesk: boolean };

export function interpretLoginResult(result: ApiResult<unknown>): LoginOutcome {
  if (result.kind === 'network-error') {
    return problem(
      'Sign-in is not available right now: the portal could not be reached. Check your connection and try again.',
    );
  }
  if (result.kind === 'ok') {
    if (isTokenAnswer(result.body)) return { kind: 'signed-in', answer: result.body };
    return problem(
      `Sign-in failed: the portal gave an unexpected answer (reference ${result.correlationId}).`,
    );
  }
  switch (result.status) {
    case 400: {
      const errors = fieldErrorsOf(result.body?.errors ?? []);
      if (Object.keys(errors).length) return { kind: 'field-errors', errors };
      return problem('Check your email address and password and try again.', false);
    }
    case 401:
    case 403:
      // Same words for an unknown address and a wrong password: no hint which one exists.
      return problem('The email address or password is not correct.', false);
    case 404:
    case 501:
      return problem('Sign-in is not available yet.');
    case 429:
      return problem(lockedMessage(result.retryAfterSeconds), false);
    default:
      return problem(
        `Sign-in is temporarily unavailable (error ${result.status}, reference ${result.correlationId}). Try again in a few minutes.`,
      );
  }
}

/** The account is locked for a while after repeated failures; say for how long when we know. */
export function lockedMessage(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined)
    return 'Too many sign-in attempts. Wait a few minutes, then try again.';
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in attempts: try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

function problem(message: string, offerHelpdesk = true): LoginOutcome {
  return { kind: 'problem', message, offerHelpdesk };
}

function fieldErrorsOf(problems: FieldProblem[]): LoginFieldErrors {
  const errors: LoginFieldErrors = {};
  for (const { field, reason } of problems) {
    if ((field === 'email' || field === 'password') && !errors[field])
      errors[field] = capitalise(reason);
  }
  return errors;
}

function capitalise(text: string): string {
  return text ? `${text[0].toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : text;
}
