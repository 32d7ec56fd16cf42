import { Schema } from 'mongoose';
import { outboxPlugin } from '@metered/event-platform';

export const DEVICE_STATES_COLLECTION = 'device_states';
export const DEVICE_STATE_MODEL = 'DeviceState';

/**
 * What telemetry derived for one device: the latest levels and counters, the replenishment
 * library's per-device state (history, cartridges, swaps, forecasts), and which alerts and
 * requests were already raised. Written only by the consumer that owns the serial's partition
 * of `telemetry.device.v1`; its outbox carries the events derived from it.
 */
export const DeviceStateSchema = new Schema(
  {
    _id: { type: String, required: true },
    accountId: { type: String, required: true },
    lastReadAt: { type: Date },
    lastTotalPages: { type: Number },
    supplies: { type: [Schema.Types.Mixed], default: [] },
    forecasts: { type: [Schema.Types.Mixed], default: [] },
    domain: { type: Schema.Types.Mixed },
    raised: { type: Schema.Types.Mixed, default: {} },
    appliedBatches: { type: [String], default: [] },
    updatedAt: { type: Date },
  },
  { versionKey: false, collection: DEVICE_STATES_COLLECTION, minimize: false },
);
DeviceStateSchema.index({ accountId: 1 });
DeviceStateSchema.plugin(outboxPlugin);
