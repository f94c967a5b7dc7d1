const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Epoch milliseconds of an ISO 8601 instant, with Date.parse's result. Jira's two shapes
 * (`2025-02-28T23:30:00.000+0000`, `…Z`) are read by hand: Date.parse costs ~0.5 µs, which made it
 * most of the aggregation time for 100,000 issues; anything unusual still goes to Date.parse.
 */
export function parseIsoMs(iso: string): number {
  if (
    iso.length < 20 ||
    iso[4] !== '-' ||
    iso[7] !== '-' ||
    iso[10] !== 'T' ||
    iso[13] !== ':' ||
    iso[16] !== ':'
  )
    return Date.parse(iso);
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  // Days past 28 need a month-length check; leave those to Date.parse rather than re-implement it.
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return Date.parse(iso);
  let index = 19;
  let ms = 0;
  if (iso[index] === '.') {
    index += 1;
    let scale = 100;
    while (index < iso.length) {
      const digit = iso.charCodeAt(index) - 48;
      if (digit < 0 || digit > 9) break;
      ms += digit * scale;
      scale /= 10;
      index += 1;
    }
    ms = Math.floor(ms);
  }
  let offsetMinutes = 0;
  const sign = iso[index];
  if (sign === 'Z' && index === iso.length - 1) offsetMinutes = 0;
  else if ((sign === '+' || sign === '-') && (iso.length === index + 5 || iso.length === index + 6)) {
    const colon = iso.length === index + 6;
    if (colon && iso[index + 3] !== ':') return Date.parse(iso);
    const offsetHours = digits(iso, index + 1, 2);
    const offsetMins = digits(iso, index + (colon ? 4 : 3), 2);
    if (offsetHours < 0 || offsetMins < 0) return Date.parse(iso);
    offsetMinutes = (sign === '+' ? 1 : -1) * (offsetHours * 60 + offsetMins);
  } else return Date.parse(iso);
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    ms
  );
}
