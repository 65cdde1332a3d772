"use client";
// "2026-11-27 09:14 UTC" with "5 minutes ago" under it, kept fresh while the page stays open.
import { useEffect, useState } from "react";
import { formatDateTime, formatRelativeTime } from "@/lib/client/format-date-time";

export function GeneratedTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={new Date(iso).toISOString()} className="block whitespace-nowrap">
      {formatDateTime(iso)}
      <span className="block text-xs text-slate-500">{formatRelativeTime(iso, now)}</span>
    </time>
  );
}
