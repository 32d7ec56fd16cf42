import { useApiResource } from '../../api/use-api-resource';
import { DeviceSuggestions, SuggestionItem } from './telemetry-types';

/**
 * The telemetry service's suggestions for one serial, by reorder number. Ordering works
 * without them: when telemetry has nothing (404, no agent) or does not answer, the map is
 * empty and the order rows simply show no suggestion.
 */
export function useSuggestions(serial: string): ReadonlyMap<string, SuggestionItem> {
  const [answer] = useApiResource<DeviceSuggestions>(
    `/api/telemetry/devices/${encodeURIComponent(serial)}/suggestions`,
  );
  // Loading keeps the previous serial's answer for a moment: only this serial's counts.
  if (answer.state !== 'ready' || answer.data.serial !== serial) return NONE;
  return new Map(answer.data.items.map((item) => [item.reorderNumber, item]));
}

const NONE: ReadonlyMap<string, SuggestionItem> = new Map();
