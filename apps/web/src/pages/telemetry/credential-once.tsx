import { useEffect, useRef, useState } from 'react';
import { CreatedAgent } from './telemetry-types';

/**
 * The new agent's credential, shown this once (the service keeps only a hash): a read-only
 * field to select, a copy button, and a clear warning.
 */
export function CredentialOnce({ agent, onDone }: { agent: CreatedAgent; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [agent.agentId]);

  const copy = async () => {
    setCopied((await copyText(agent.credential, field.current)) ? 'yes' : 'no');
  };

  return (
    <section
      className="notice notice--warn credential"
      aria-labelledby="credential-title"
      data-testid="agent-credential"
    >
      <h2 id="credential-title" ref={heading} tabIndex={-1}>
        Credential of “{agent.name}”
      </h2>
      <p>
        <strong>Copy it now: it is shown only this once.</strong> We keep only a fingerprint of it,
        so nobody — not even the Supplies Helpdesk — can show it again. Put it in the agent’s
        configuration and keep it as secret as a password. If it is lost, revoke this agent and set
        up a new one.
      </p>
      <div className="field">
        <label className="field__label" htmlFor="agent-credential-value">
          Agent credential
        </label>
        <input
          ref={field}
          id="agent-credential-value"
          className="field__input credential__value"
          value={agent.credential}
          readOnly
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <p className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void copy()}>
          Copy credential
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          I have stored it
        </button>
        <span role="status" className="credential__copied">
          {copied === 'yes' && 'Copied to the clipboard.'}
          {copied === 'no' && 'Copying is blocked here: select the field and copy it yourself.'}
        </span>
      </p>
    </section>
  );
}

/** The clipboard API exists only in secure contexts; elsewhere the selected field is copied. */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
