"use client";
// Admins set how many days completed reports keep their files before the purge job takes them.
import { useState, type FormEvent } from "react";
import { useUpdateRetention } from "@/components/settings/use-update-retention";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/client/api-error";

export function RetentionForm({ initialDays, min, max }: { initialDays: number; min: number; max: number }) {
  const [days, setDays] = useState(String(initialDays));
  const [saved, setSaved] = useState<number | null>(null);
  const update = useUpdateRetention();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    update.mutate(
      { reportRetentionDays: Number(days) },
      { onSuccess: (settings) => setSaved(settings.reportRetentionDays) },
    );
  };

  return (
    <Card className="max-w-xl p-5">
      <form onSubmit={submit} className="grid gap-4">
        <div>
          <Label htmlFor="retention-days">Report retention (days)</Label>
          <Input
            id="retention-days"
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            required
            value={days}
            onChange={(event) => setDays(event.target.value)}
            aria-describedby="retention-help"
            className="mt-1 w-40"
          />
          <p id="retention-help" className="mt-1 text-sm text-slate-600">
            {min}–{max} days after a report completes, its files (JSON, CSV, preview) are purged unless it is on legal
            hold. Its record stays: period, agents, dates, SHA-256s and signed statement.
          </p>
        </div>
        {update.isError ? (
          <Alert tone="error" title="Retention was not saved">
            {(update.error instanceof ApiError && update.error.fields.reportRetentionDays?.join(" ")) ||
              update.error.message}
          </Alert>
        ) : null}
        {saved !== null ? (
          <p role="status" className="text-sm text-emerald-800">
            Saved: reports are kept {saved} days.
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save retention"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
