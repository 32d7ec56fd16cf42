import { useApiResource } from '../../api/use-api-resource';
import { useCountry } from '../../country/country-context';
import { useCountryFormats } from '../../country/country-formats';
import { Link } from '../../router/router';
import { accountQuery, TelemetryScope } from './account-scope';
import { ReplenishmentSettingsForm } from './replenishment-settings-form';
import { SupplyLevel } from './supply-level';
import { forecastText, relativeTime, silentText } from './supply-wording';
import { AgentView, FleetDevice, FleetSupply, FleetView } from './telemetry-types';

/**
 * The account's devices as their data collection agents report them (GET /api/telemetry/fleet):
 * silent devices first, then the soonest empty; each supply's level and days to empty. Below,
 * the account's replenishment settings. Customers see their own account, the helpdesk any.
 */
export function FleetOverview({ scope }: { scope: TelemetryScope }) {
  const query = accountQuery(scope);
  const [fleet, reloadFleet] = useApiResource<FleetView>(`/api/telemetry/fleet${query}`);
  const [agents] = useApiResource<{ items: AgentView[] }>(`/api/telemetry/agents${query}`);
  const activeAgents =
    agents.state === 'ready' ? agents.data.items.filter((agent) => !agent.revokedAt) : null;

  return (
    <>
      <section aria-labelledby="fleet-devices-title">
        <h2 id="fleet-devices-title">Devices</h2>
        {fleet.state === 'loading' && <p role="status">Loading the devices…</p>}
        {fleet.state === 'failed' && (
          <p className="notice notice--error" role="alert">
            The fleet could not be loaded (reference {fleet.reference}). Try again in a few minutes.
          </p>
        )}
        {/* The account's devices are listed before any reports; until one has, say what to do. */}
        {fleet.state === 'ready' && !fleet.data.devices.some((device) => device.lastReadAt) && (
          <NoReadings scope={scope} agentCount={activeAgents?.length ?? null} />
        )}
        {fleet.state === 'ready' && fleet.data.devices.length > 0 && (
          <ul className="fleet" aria-label="Devices">
            {fleet.data.devices.map((device) => (
              <li key={device.serial}>
                <DeviceCard device={device} silentAfterDays={fleet.data.silentAfterDays} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={scope.agentsPath}>Data collection agents</Link>
          {activeAgents ? ` (${activeAgents.length} active)` : ''}: the software at{' '}
          {scope.audience === 'customer' ? 'your' : 'the customer’s'} site that reads the devices
          and reports to us.
        </p>
      </section>
      <ReplenishmentSettingsForm scope={scope} onSaved={() => void reloadFleet()} />
    </>
  );
}

/** Nothing reported yet: say why and what to do next (set up an agent). */
function NoReadings({ scope, agentCount }: { scope: TelemetryScope; agentCount: number | null }) {
  const yours = scope.audience === 'customer' ? 'your' : 'this';
  if (agentCount === 0)
    return (
      <div className="notice" data-testid="fleet-empty">
        <p>
          <strong>No data collection agent is set up for {yours} account yet.</strong>
        </p>
        <p>
          An agent runs at {scope.audience === 'customer' ? 'your' : 'the customer’s'} site, reads
          the printers’ supply levels and page counters and sends them to us. Once it reports, this
          page shows each device’s levels and days to empty, and Order Supplies suggests quantities.
        </p>
        <p>
          <Link to={scope.agentsPath} className="button button--primary">
            Set up an agent
          </Link>
        </p>
      </div>
    );
  return (
    <p className="notice" data-testid="fleet-empty">
      No device has reported yet. Readings appear here a few moments after an agent first sends
      them.
    </p>
  );
}

function DeviceCard({ device, silentAfterDays }: { device: FleetDevice; silentAfterDays: number }) {
  const { country } = useCountry();
  const { dateTime } = useCountryFormats();
  const titleId = `device-${device.serial}-title`;
  return (
    <article
      className={`device-card${device.silent ? ' device-card--silent' : ''}`}
      aria-labelledby={titleId}
      data-testid={`fleet-device-${device.serial}`}
    >
      <header className="device-card__header">
        <h3 id={titleId} className="device-card__serial">
          {device.serial}
        </h3>
        <span className="device-card__model">{device.modelName ?? 'Model not reported'}</span>
      </header>
      {device.silent && (
        <p className="notice notice--warn device-card__silent" data-testid="device-silent">
          <strong>{silentText(device.lastReadAt)}.</strong> Devices that send nothing for{' '}
          {silentAfterDays} days count as silent: check that the device is on and that the agent can
          reach it. Its forecasts are out of date until it reports again.
        </p>
      )}
      <p className="device-card__last-reading" data-testid="last-reading">
        Last reading:{' '}
        {device.lastReadAt ? (
          <>
            <time dateTime={device.lastReadAt}>
              {relativeTime(device.lastReadAt, country.locale)}
            </time>{' '}
            ({dateTime(device.lastReadAt)})
          </>
        ) : (
          'none yet'
        )}
        {typeof device.totalPages === 'number' &&
          ` · ${device.totalPages.toLocaleString(country.locale)} pages`}
      </p>
      {device.supplies.length ? (
        <ul className="supplies" aria-label={`Supplies of ${device.serial}`}>
          {device.supplies.map((supply) => (
            <li key={supply.supplyId} className="supply" data-testid={`supply-${supply.supplyId}`}>
              <SupplyRow supply={supply} />
            </li>
          ))}
        </ul>
      ) : (
        <p>The device has reported no supplies.</p>
      )}
    </article>
  );
}

function SupplyRow({ supply }: { supply: FleetSupply }) {
  const soon =
    supply.state === 'forecast' &&
    typeof supply.daysToEmpty === 'number' &&
    supply.daysToEmpty <= 7;
  return (
    <>
      <span className="supply__name">
        {supply.description}
        {supply.reorderNumber && (
          <>
            {' '}
            <code>{supply.reorderNumber}</code>
          </>
        )}
      </span>
      <SupplyLevel supply={supply} />
      <span
        className={`supply__forecast supply__forecast--${supply.state}${soon ? ' supply__forecast--soon' : ''}`}
        data-testid="supply-forecast"
      >
        {forecastText(supply)}
      </span>
      {typeof supply.onsiteUnits === 'number' && (
        <span className="supply__onsite" data-testid="supply-onsite">
          Onsite: {supply.onsiteUnits} unit{supply.onsiteUnits === 1 ? '' : 's'}
        </span>
      )}
    </>
  );
}
