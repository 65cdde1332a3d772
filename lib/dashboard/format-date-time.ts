// Dates in the dashboard are shown in UTC: the same text on the server and in
// the browser (no hydration mismatch), and the time zone audit records use.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatDateTime(iso: string | Date): string {
  return `${dateTimeFormat.format(typeof iso === "string" ? new Date(iso) : iso)} UTC`;
}
