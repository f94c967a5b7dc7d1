import { localTime } from './local-time';

// DESIGN "Metric definitions — Month bucket": the incident's `created` month in the configured zone.
export function monthKeyOf(iso: string, timeZone: string): string {
  return localTime(iso, timeZone).monthKey;
}
