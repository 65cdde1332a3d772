// One table cell of report data; long text is clamped on screen but printed whole.
import { formatCellValue, isTimestamp } from "@/components/compliance/format-cell-value";
import type { JsonValue } from "@/components/compliance/report-document";

export function ReportValueCell({ value }: { value: JsonValue | undefined }) {
  const text = formatCellValue(value);
  if (isTimestamp(value)) {
    return (
      <time dateTime={value} title={value} className="whitespace-nowrap">
        {text}
      </time>
    );
  }
  if (text.length > 120) {
    return (
      <div
        className="report-long-text line-clamp-4 max-w-md min-w-48 break-words whitespace-pre-wrap print:line-clamp-none"
        title={text.slice(0, 2000)}
      >
        {text}
      </div>
    );
  }
  // Short values (ids, names, enums) stay on one line so rows scan; the table scrolls sideways instead.
  return text.length <= 48 ? (
    <span className="whitespace-nowrap">{text}</span>
  ) : (
    <span className="report-long-text block min-w-40 break-words">{text}</span>
  );
}
