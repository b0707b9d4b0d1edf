// The stamp `log_format=timestamped` and `json` put on child output: ISO-8601 in the host's local
// time, with milliseconds and the UTC offset (`2024-05-01T13:04:05.123+02:00`). Pure.

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/** Always 29 characters for years 1000–9999; the offset is `+00:00`, never `Z`, in UTC. */
export const formatIsoLocal = (epochMs: number): string => {
  const d = new Date(epochMs);
  const offsetMinutes = -d.getTimezoneOffset();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T` +
    `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.` +
    `${pad3(d.getMilliseconds())}${sign}${pad2(Math.floor(offset / 60))}:${pad2(offset % 60)}`
  );
};
