import { IsInt, IsNotEmpty, IsString, Min } from 'class-validator';
import { defineEvent } from '../src';

/** A small event used by the platform's unit specs only. */
export class WidgetCountedPayload {
  @IsString()
  @IsNotEmpty()
  widgetId: string;

  @IsInt()
  @Min(0)
  count: number;
}

export const WidgetCountedEvent = defineEvent({
  type: 'WidgetCounted',
  version: 1,
  topic: 'test.widget.v1',
  payloadClass: WidgetCountedPayload,
  keyOf: (payload) => payload.widgetId,
});
