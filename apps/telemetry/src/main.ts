import { startEventConsumer } from '@metered/event-platform';
import { bootstrapService } from '@metered/service-kit';
import { TELEMETRY_READINGS_ROUTE } from './ingest/domain/batch-limits';
import { TELEMETRY_SETTINGS } from './config/telemetry.settings';
import { TelemetryModule } from './telemetry.module';

// Consumes from the start: session revocations (libs/auth), registry's devices (read model),
// ordering's orders (onsite stock, open orders). The ingest topic and the derivation of the
// compact stream run on their own batch consumers (ingest/kafka, derivation/).
void bootstrapService('telemetry', TelemetryModule, {
  settings: TELEMETRY_SETTINGS,
  largeBodies: [TELEMETRY_READINGS_ROUTE],
  configure: (app) => startEventConsumer(app, 'telemetry'),
});
