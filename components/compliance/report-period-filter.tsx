"use client";
// The Reports list's period filter: any period, a quick period (last 30 days,
// last month, last quarter) or custom days. It keeps the reports whose period
// overlaps the days chosen, whole UTC days, both ends included.
import { useState } from "react";
import { describedBy } from "@/components/compliance/described-by";
import { FieldError } from "@/components/compliance/field-error";
import { findPeriodPreset, periodPresets } from "@/components/compliance/period-presets";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type ReportPeriod = { periodFrom: string; periodTo: string };

type Draft = { from: string; to: string };

const customChoice = "custom";

function isPeriodOrdered({ from, to }: Draft): boolean {
  return !from || !to || from <= to;
}

export function ReportPeriodFilter({
  id,
  value,
  selectClassName,
  onChange,
}: {
  id: string;
  value: ReportPeriod;
  selectClassName: string;
  onChange: (period: ReportPeriod) => void;
}) {
  const { periodFrom, periodTo } = value;
  const preset = periodFrom && periodTo ? findPeriodPreset(periodFrom, periodTo) : undefined;
  const [isCustomChosen, setIsCustomChosen] = useState(Boolean(periodFrom || periodTo) && !preset);
  // Days being typed; sent once they make a period the API accepts.
  const [draft, setDraft] = useState<Draft>({ from: periodFrom, to: periodTo });

  // The fields follow the filters when they change elsewhere ("Clear filters").
  const [shown, setShown] = useState<Draft>({ from: periodFrom, to: periodTo });
  if (shown.from !== periodFrom || shown.to !== periodTo) {
    setShown({ from: periodFrom, to: periodTo });
    if (draft.from !== periodFrom || draft.to !== periodTo) {
      setDraft({ from: periodFrom, to: periodTo });
      setIsCustomChosen(Boolean(periodFrom || periodTo) && !preset);
    }
  }

  const choice = isCustomChosen ? customChoice : (preset?.id ?? "");
  const ids = {
    select: `${id}-period`,
    hint: `${id}-period-hint`,
    from: `${id}-period-from`,
    to: `${id}-period-to`,
    toError: `${id}-period-to-error`,
  };
  const isOrdered = isPeriodOrdered(draft);

  function choose(next: string) {
    if (next === customChoice) {
      // Start from the days shown, so a quick period can be adjusted.
      setIsCustomChosen(true);
      return;
    }
    setIsCustomChosen(false);
    const chosen = periodPresets().find((candidate) => candidate.id === next);
    const period = chosen ? { from: chosen.from, to: chosen.to } : { from: "", to: "" };
    setDraft(period);
    onChange({ periodFrom: period.from, periodTo: period.to });
  }

  function edit(change: Partial<Draft>) {
    const next = { ...draft, ...change };
    setDraft(next);
    if (isPeriodOrdered(next)) onChange({ periodFrom: next.from, periodTo: next.to });
  }

  return (
    <>
      <div className="w-[calc(50%-0.375rem)] sm:w-44">
        <Label htmlFor={ids.select}>Period</Label>
        <select
          id={ids.select}
          className={selectClassName}
          value={choice}
          aria-describedby={preset && !isCustomChosen ? ids.hint : undefined}
          onChange={(event) => choose(event.target.value)}
        >
          <option value="">Any period</option>
          {periodPresets().map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
          <option value={customChoice}>Custom…</option>
        </select>
        {preset && !isCustomChosen ? (
          <p id={ids.hint} className="mt-1 text-xs text-slate-600">
            {preset.from} – {preset.to} (UTC)
          </p>
        ) : null}
      </div>
      {isCustomChosen ? (
        <div className="flex w-full flex-wrap items-start gap-3 sm:w-auto" role="group" aria-label="Custom period">
          <div className="w-[calc(50%-0.375rem)] sm:w-40">
            <Label htmlFor={ids.from}>Period from</Label>
            <Input
              id={ids.from}
              type="date"
              className="mt-1 h-9"
              value={draft.from}
              onChange={(event) => edit({ from: event.target.value })}
            />
          </div>
          <div className="w-[calc(50%-0.375rem)] sm:w-40">
            <Label htmlFor={ids.to}>Period to</Label>
            <Input
              id={ids.to}
              type="date"
              className="mt-1 h-9"
              value={draft.to}
              min={draft.from || undefined}
              onChange={(event) => edit({ to: event.target.value })}
              aria-invalid={!isOrdered || undefined}
              aria-describedby={describedBy(!isOrdered && ids.toError)}
            />
            {/* Said when it appears: the list does not change, and this is why. */}
            <div aria-live="polite">
              <FieldError id={ids.toError} messages={isOrdered ? undefined : ["On or after the first day"]} />
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
