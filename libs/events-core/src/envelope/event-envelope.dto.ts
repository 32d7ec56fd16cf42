import {
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { EventEnvelope } from './event-envelope';

export const EVENT_TYPE_PATTERN = /^[A-Z][A-Za-z0-9]{1,99}$/;
export const MAX_KEY_LENGTH = 256;

/**
 * The envelope as checked at the consuming edge. Unknown envelope fields are stripped,
 * not refused, so a producer running a newer platform version does not break this one.
 */
export class EventEnvelopeDto implements EventEnvelope<Record<string, unknown>> {
  @IsUUID('4')
  eventId: string;

  @Matches(EVENT_TYPE_PATTERN, { message: 'type must be a PascalCase event name' })
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601({ strict: true })
  occurredAt: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  producer: string;

  @Matches(/^[A-Za-z0-9._-]{1,100}$/, {
    message: 'correlationId must be 1-100 characters of A-Z a-z 0-9 . _ -',
  })
  correlationId: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  causationId: string | null;

  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_KEY_LENGTH)
  key: string;

  @IsObject()
  payload: Record<string, unknown>;
}
