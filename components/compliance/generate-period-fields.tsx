"use client";
// The Generate form's period: quick periods (last 30 days, last month, last
// quarter) or custom From and To, whole UTC days, both ends included.
import { describedBy } from "@/components/compliance/described-by";
import { FieldError } from "@/components/compliance/field-error";
import { periodPresets } from "@/components/compliance/period-presets";
import { todayUtcDay, type GenerateFormErrors } from "@/components/compliance/validate-generate-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function GeneratePeriodFields({
  idPrefix,
  from,
  to,
  errors,
  onChange,
}: {
  idPrefix: string;
  from: string;
  to: string;
  errors: GenerateFormErrors;
  onChange: (period: { from?: string; to?: string }) => void;
}) {
  const ids = {
    from: `${idPrefix}-from`,
    to: `${idPrefix}-to`,
    fromError: `${idPrefix}-from-error`,
    toError: `${idPrefix}-to-error`,
  };
  // The picker offers no day after today (UTC); typed dates are checked on submit.
  const today = todayUtcDay();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">Date range</legend>
      <p className="text-xs text-slate-500">
        Whole UTC days, both ends included, ending today at the latest. Defaults to the last 30 days.
      </p>
      <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label="Quick periods">
        {periodPresets().map((preset) => {
          const isChosen = preset.from === from && preset.to === to;
          return (
            <Button
              key={preset.id}
              type="button"
              size="sm"
              variant={isChosen ? "primary" : "secondary"}
              aria-pressed={isChosen}
              title={`${preset.from} – ${preset.to}`}
              onClick={() => onChange({ from: preset.from, to: preset.to })}
            >
              {preset.label}
            </Button>
          );
        })}
      </div>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 sm:max-w-lg">
        <div>
          <Label htmlFor={ids.from}>From</Label>
          <Input
            id={ids.from}
            type="date"
            className="mt-1"
            value={from}
            max={to && to < today ? to : today}
            onChange={(event) => onChange({ from: event.target.value })}
            aria-invalid={Boolean(errors.from) || undefined}
            aria-describedby={describedBy(errors.from && ids.fromError)}
          />
          <FieldError id={ids.fromError} messages={errors.from} />
        </div>
        <div>
          <Label htmlFor={ids.to}>To</Label>
          <Input
            id={ids.to}
            type="date"
            className="mt-1"
            value={to}
            max={today}
            onChange={(event) => onChange({ to: event.target.value })}
            aria-invalid={Boolean(errors.to) || undefined}
            aria-describedby={describedBy(errors.to && ids.toError)}
          />
          <FieldError id={ids.toError} messages={errors.to} />
        </div>
      </div>
    </fieldset>
  );
}
