import { OpsOverview } from './ops-types';

/** One tile per service: ready or not, its version and how fast it answered. */
export function ServiceTiles({ services }: { services: OpsOverview['services'] }) {
  return (
    <ul className="ops-tiles" aria-label="Services">
      {services.map((service) => (
        <li
          key={service.service}
          className={`ops-tile ops-tile--${service.status}`}
          data-testid={`service-${service.service}`}
        >
          <strong>{service.service}</strong>
          <span className={`badge ${service.status === 'up' ? 'badge--ok' : 'badge--warn'}`}>
            {service.status === 'up' ? 'ready' : 'down'}
          </span>
          <span className="ops-tile__meta">
            {service.version ? `v${service.version}` : 'version unknown'} · {service.latencyMs} ms
          </span>
          {service.message && <span className="ops-tile__meta">{service.message}</span>}
        </li>
      ))}
    </ul>
  );
}

/** One tile per piece of shared infrastructure: Kafka, the database, SMTP. */
export function InfrastructureTiles({
  components,
}: {
  components: OpsOverview['infrastructure'];
}) {
  return (
    <ul className="ops-tiles" aria-label="Infrastructure">
      {components.map((component) => (
        <li
          key={component.component}
          className={`ops-tile ops-tile--${component.status}`}
          data-testid={`infrastructure-${component.component}`}
        >
          <strong>{component.label}</strong>
          <span className={`badge ${component.status === 'up' ? 'badge--ok' : 'badge--warn'}`}>
            {component.status === 'up' ? 'reachable' : 'unreachable'}
          </span>
          <span className="ops-tile__meta">{component.latencyMs} ms</span>
          {component.message && <span className="ops-tile__meta">{component.message}</span>}
        </li>
      ))}
    </ul>
  );
}
