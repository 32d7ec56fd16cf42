import { FormEvent, useEffect, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { groupFieldProblems } from '../../forms/field-errors';
import { TextField } from '../../forms/text-field';
import { useSession } from '../../session/session-context';
import { actionProblem } from '../helpdesk/action-problem';
import { accountQuery, TelemetryScope } from './account-scope';
import { ReplenishmentSettings } from './telemetry-types';

const NUMBER_FIELDS = ['silentAfterDays', 'lowLevelPercent', 'safetyDays'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
type Draft = { autoReplenishment: boolean } & Record<NumberField, string>;

function draftOf(settings: ReplenishmentSettings): Draft {
  return {
    autoReplenishment: settings.autoReplenishment,
    silentAfterDays: String(settings.silentAfterDays),
    lowLevelPercent: String(settings.lowLevelPercent),
    safetyDays: String(settings.safetyDays),
  };
}

/**
 * The account's replenishment settings (GET / PUT /api/telemetry/settings): automatic orders
 * on or off, when a device counts as silent, the low-level threshold and the safety margin.
 * The page checks only that the numbers are whole numbers; the service judges the ranges.
 */
export function ReplenishmentSettingsForm({
  scope,
  onSaved,
}: {
  scope: TelemetryScope;
  onSaved?: (settings: ReplenishmentSettings) => void;
}) {
  const { callWithSession } = useSession();
  const [loaded] = useApiResource<ReplenishmentSettings>(
    `/api/telemetry/settings${accountQuery(scope)}`,
  );
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (loaded.state === 'ready') setDraft(draftOf(loaded.data));
  }, [loaded]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!draft || saving) return;
    setOutcome(null);
    const typed: Record<string, string[]> = {};
    for (const field of NUMBER_FIELDS)
      if (!/^\d+$/.test(draft[field].trim())) typed[field] = ['Enter a whole number, like 3.'];
    setErrors(typed);
    if (Object.keys(typed).length) return;
    setSaving(true);
    const result = await callWithSession<ReplenishmentSettings>('/api/telemetry/settings', {
      method: 'PUT',
      body: {
        ...(scope.accountId ? { accountId: scope.accountId } : {}),
        autoReplenishment: draft.autoReplenishment,
        silentAfterDays: Number(draft.silentAfterDays),
        lowLevelPercent: Number(draft.lowLevelPercent),
        safetyDays: Number(draft.safetyDays),
      },
    });
    setSaving(false);
    if (result.kind === 'ok') {
      setDraft(draftOf(result.body));
      setOutcome({ ok: true, text: 'Replenishment settings saved.' });
      onSaved?.(result.body);
      return;
    }
    if (result.kind === 'http-error' && result.status === 400 && result.body?.errors?.length)
      setErrors(groupFieldProblems(result.body.errors));
    else setOutcome({ ok: false, text: actionProblem(result, 'saving the settings') });
  };

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => (current ? { ...current, [key]: value } : current));
  const words =
    scope.audience === 'customer'
      ? { whom: 'you', emailed: 'You are emailed', gets: 'you get' }
      : { whom: 'the customer', emailed: 'The customer is emailed', gets: 'the customer gets' };

  return (
    <section aria-labelledby="replenishment-title">
      <h2 id="replenishment-title">Replenishment settings</h2>
      {loaded.state === 'loading' && <p role="status">Loading the settings…</p>}
      {loaded.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The settings could not be loaded (reference {loaded.reference}).
        </p>
      )}
      {draft && (
        <form className="form" noValidate onSubmit={onSubmit} aria-label="Replenishment settings">
          <div className="field field--checkbox">
            <input
              id="auto-replenishment"
              type="checkbox"
              checked={draft.autoReplenishment}
              onChange={(event) => set('autoReplenishment', event.target.checked)}
              aria-describedby="auto-replenishment-hint"
            />
            <label htmlFor="auto-replenishment">Automatic replenishment</label>
            <p className="field__hint" id="auto-replenishment-hint">
              When a supply will run out within the shipping time plus the safety days, or falls
              below the low-level threshold, and there is no unit onsite and no open order for it,
              we place a standard order for {words.whom} to the account’s ship-to address, with the
              same checks as any order (active contract, items of the serial, held for review when
              it looks like too much), and never two open automatic orders for the same supply.{' '}
              {words.emailed} with the reading that triggered it. When it is off, {words.gets} an
              email when a supply runs low instead.
            </p>
          </div>
          <div className="settings-numbers">
            <TextField
              id="silent-after-days"
              label="Silence period (days)"
              hint="A device that sends no reading for this many days counts as silent and an email is sent."
              inputMode="numeric"
              value={draft.silentAfterDays}
              error={errors.silentAfterDays}
              onChange={(event) => set('silentAfterDays', event.target.value)}
            />
            <TextField
              id="low-level-percent"
              label="Low-level threshold (%)"
              hint="A supply at or below this level counts as low."
              inputMode="numeric"
              value={draft.lowLevelPercent}
              error={errors.lowLevelPercent}
              onChange={(event) => set('lowLevelPercent', event.target.value)}
            />
            <TextField
              id="safety-days"
              label="Safety days"
              hint="Days of margin added to the shipping time before a supply counts as running out."
              inputMode="numeric"
              value={draft.safetyDays}
              error={errors.safetyDays}
              onChange={(event) => set('safetyDays', event.target.value)}
            />
          </div>
          {(errors.accountId ?? errors.autoReplenishment) && (
            <p className="notice notice--error" role="alert">
              {[...(errors.accountId ?? []), ...(errors.autoReplenishment ?? [])].join(' ')}
            </p>
          )}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving}>
              {saving ? 'Saving…' : 'Save settings'}
            </button>
            {outcome && (
              <span
                className={outcome.ok ? 'form__saved' : 'field__error'}
                role={outcome.ok ? 'status' : 'alert'}
                data-testid="settings-outcome"
              >
                {outcome.text}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
