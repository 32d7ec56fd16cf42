import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { defineEvent } from '@metered/events-core';
import { Topics } from '../../topics';

/**
 * A probe written by the platform's self-test: proves that a state change and its event
 * travel together from one service's database to another service's handler.
 */
export class PlatformProbeRecordedPayload {
  /** Id of the probe document; the Kafka key, so one probe's events stay in order. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  probeId: string;

  /** Position of this event among the probe's events (1, 2, …); lets tests check order. */
  @IsInt()
  @Min(1)
  sequence: number;

  /** Free text for the test's own use (e.g. an instruction to the test consumer). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

/** `PlatformProbeRecorded` v1 on `platform.selftest.v1`, keyed by probeId. */
export const PlatformProbeRecordedEvent = defineEvent({
  type: 'PlatformProbeRecorded',
  version: 1,
  topic: Topics.PlatformSelftest,
  payloadClass: PlatformProbeRecordedPayload,
  keyOf: (payload) => payload.probeId,
});
