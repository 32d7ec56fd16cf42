/**
 * Identity's password rules (docs/api.md), shown while typing so people meet them the first
 * time. The server stays the judge: its reasons are shown next to the field as well.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

const CHARACTER_CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

export interface RuleState {
  text: string;
  met: boolean;
}

export function passwordRuleStates(password: string): RuleState[] {
  const classes = CHARACTER_CLASSES.filter((pattern) => pattern.test(password)).length;
  return [
    {
      text: `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      met: password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH,
    },
    {
      text: 'at least three of: lower-case letters, upper-case letters, digits, symbols',
      met: classes >= 3,
    },
    { text: 'does not contain the part of your email address before the @', met: true },
  ];
}

export function PasswordRules({ password, id }: { password: string; id: string }) {
  const rules = passwordRuleStates(password);
  return (
    <div className="password-rules" id={id}>
      <p className="field__hint">Your password needs:</p>
      <ul>
        {rules.map((rule, index) => (
          <li
            key={rule.text}
            className={password && index < 2 ? (rule.met ? 'rule--met' : 'rule--unmet') : undefined}
          >
            {rule.text}
            {password && index < 2 && (
              <span className="visually-hidden">{rule.met ? ' (met)' : ' (not met yet)'}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
