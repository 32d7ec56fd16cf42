import { FormEvent, useRef, useState } from 'react';
import { useIdempotentPost } from '../../api/use-idempotent-post';
import { useApiResource } from '../../api/use-api-resource';
import { useCountryFormats } from '../../country/country-formats';
import { groupFieldProblems } from '../../forms/field-errors';
import { TextField } from '../../forms/text-field';
import { useSession } from '../../session/session-context';
import { actionProblem } from '../helpdesk/action-problem';
import { accountQuery, TelemetryScope } from './account-scope';
import { CredentialOnce } from './credential-once';
import { AgentView, CreatedAgent } from './telemetry-types';

/**
 * The account's data collection agents (GET/POST/DELETE /api/telemetry/agents): create one (its
 * credential is shown once), see when each last reported, revoke one after confirming.
 */
export function AgentsPanel({ scope }: { scope: TelemetryScope }) {
  const [agents, reload] = useApiResource<{ items: AgentView[] }>(
    `/api/telemetry/agents${accountQuery(scope)}`,
  );
  const [created, setCreated] = useState<CreatedAgent | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  return (
    <>
      <CreateAgentForm
        scope={scope}
        onCreated={(agent) => {
          setOutcome(null);
          setCreated(agent);
          void reload();
        }}
      />
      {created && <CredentialOnce agent={created} onDone={() => setCreated(null)} />}
      <section aria-labelledby="agents-title">
        <h2 id="agents-title">Agents</h2>
        {outcome && (
          <p className="notice notice--ok" role="status" data-testid="agents-outcome">
            {outcome}
          </p>
        )}
        {agents.state === 'loading' && <p role="status">Loading the agents…</p>}
        {agents.state === 'failed' && (
          <p className="notice notice--error" role="alert">
            The agents could not be loaded (reference {agents.reference}).
          </p>
        )}
        {agents.state === 'ready' && (
          <AgentList
            agents={agents.data.items}
            onRevoked={(agent) => {
              setOutcome(
                `Agent “${agent.name}” is revoked: readings sent with its credential are refused from now on.`,
              );
              if (created?.agentId === agent.agentId) setCreated(null);
              void reload();
            }}
          />
        )}
      </section>
    </>
  );
}

function CreateAgentForm({
  scope,
  onCreated,
}: {
  scope: TelemetryScope;
  onCreated: (agent: CreatedAgent) => void;
}) {
  const { send, sending } = useIdempotentPost<CreatedAgent>('/api/telemetry/agents');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const trimmed = name.trim();
    if (!trimmed) {
      setErrors({ name: ['Enter a name for the agent, e.g. where it runs.'] });
      return;
    }
    setErrors({});
    const result = await send({
      name: trimmed,
      ...(scope.accountId ? { accountId: scope.accountId } : {}),
    });
    if (!result) return;
    if (result.kind === 'ok') {
      setName('');
      onCreated(result.body);
    } else if (
      result.kind === 'http-error' &&
      result.status === 400 &&
      result.body?.errors?.length
    ) {
      setErrors(groupFieldProblems(result.body.errors));
    } else setProblem(actionProblem(result, 'creating the agent'));
  };

  return (
    <section aria-labelledby="new-agent-title">
      <h2 id="new-agent-title">Set up a new agent</h2>
      <p>
        Give the agent a name you will recognise (where it runs, e.g. “Head office, 2nd floor”). It
        gets its own credential: it can report only this account’s machines, and revoking it stops
        it without touching anyone’s password.
      </p>
      <form className="form inline-form" noValidate onSubmit={onSubmit} aria-label="New agent">
        <TextField
          id="agent-name"
          label="Agent name"
          maxLength={80}
          autoComplete="off"
          value={name}
          error={errors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending ? 'Creating…' : 'Create agent'}
          </button>
        </div>
      </form>
      {(problem ?? errors.accountId) && (
        <p className="notice notice--error" role="alert">
          {problem ?? errors.accountId?.join(' ')}
        </p>
      )}
    </section>
  );
}

function AgentList({
  agents,
  onRevoked,
}: {
  agents: AgentView[];
  onRevoked: (agent: AgentView) => void;
}) {
  const { dateTime } = useCountryFormats();
  if (!agents.length) return <p data-testid="no-agents">No agents yet.</p>;
  const sorted = [...agents].sort(
    (a, b) =>
      Number(Boolean(a.revokedAt)) - Number(Boolean(b.revokedAt)) ||
      b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className="agent-list" aria-label="Agents of the account">
      {sorted.map((agent) => (
        <li key={agent.agentId} className="agent" data-testid={`agent-${agent.name}`}>
          <p className="agent__name">
            <strong>{agent.name}</strong>{' '}
            <span className={`badge ${agent.revokedAt ? 'badge--muted' : 'badge--ok'}`}>
              {agent.revokedAt ? 'Revoked' : 'Active'}
            </span>
          </p>
          <dl className="facts facts--compact">
            <dt>Created</dt>
            <dd>{dateTime(agent.createdAt)}</dd>
            <dt>Last report</dt>
            <dd>{agent.lastSeenAt ? dateTime(agent.lastSeenAt) : 'Not yet'}</dd>
            {agent.revokedAt && (
              <>
                <dt>Revoked</dt>
                <dd>{dateTime(agent.revokedAt)}</dd>
              </>
            )}
            <dt>Agent id</dt>
            <dd>
              <code>{agent.agentId}</code>
            </dd>
          </dl>
          {!agent.revokedAt && <RevokeAgent agent={agent} onRevoked={onRevoked} />}
        </li>
      ))}
    </ul>
  );
}

/** "Revoke" asks first; the confirmation says what stops working. */
function RevokeAgent({
  agent,
  onRevoked,
}: {
  agent: AgentView;
  onRevoked: (agent: AgentView) => void;
}) {
  const { callWithSession } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const open = () => {
    setConfirming(true);
    window.requestAnimationFrame(() => confirmButton.current?.focus());
  };
  const cancel = () => {
    setConfirming(false);
    window.requestAnimationFrame(() => revokeButton.current?.focus());
  };
  const revoke = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await callWithSession<void>(
      `/api/telemetry/agents/${encodeURIComponent(agent.agentId)}`,
      { method: 'DELETE' },
    );
    setBusy(false);
    if (result.kind === 'ok') onRevoked(agent);
    else setProblem(actionProblem(result, 'revoking the agent'));
  };

  if (!confirming)
    return (
      <button
        ref={revokeButton}
        type="button"
        className="button button--secondary"
        aria-label={`Revoke agent ${agent.name}`}
        onClick={open}
      >
        Revoke
      </button>
    );
  const promptId = `revoke-${agent.agentId}-prompt`;
  return (
    <div className="notice notice--warn" role="group" aria-labelledby={promptId}>
      <p id={promptId}>
        Revoke “{agent.name}”? Readings it sends are refused from then on, and this cannot be
        undone: to report again, set up a new agent and give it the new credential.
      </p>
      <p className="form__actions">
        <button
          ref={confirmButton}
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => void revoke()}
        >
          {busy ? 'Revoking…' : 'Yes, revoke this agent'}
        </button>
        <button type="button" className="button button--secondary" onClick={cancel}>
          Keep it
        </button>
      </p>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
