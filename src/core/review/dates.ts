// Dates in attempt files: ISO 8601 date-times that exist. `Date.parse` accepts "March 7", "0" and
// rolls "2026-02-30" over to 2 March, so the fields are read by hand.

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** True for "2026-03-07T09:30:00.000Z" or "2026-03-07T09:30+01:00"; false for anything else. */
export function isRealIsoDateTime(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, , offH, offM] = m.slice(1).map((x) => Number(x ?? 0));
  return (
    year! >= 1970 &&
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysIn(year!, month!) &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    offH! <= 14 &&
    offM! <= 59
  );
}
