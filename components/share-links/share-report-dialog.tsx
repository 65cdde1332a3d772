"use client";
// "Share" on a completed report (admins): expiry, download cap and label, then
// the link's URL, shown this one time only (Attest keeps only a hash of it).
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useCreateShareLink, type ShareLinkRequest } from "@/components/share-links/use-create-share-link";
import { ApiError } from "@/lib/client/api-error";
import { formatDateTime } from "@/lib/client/format-date-time";
import {
  createShareLinkBodySchema,
  maxShareLinkDownloads,
  maxShareLinkLabelLength,
  shareLinkExpiryDays,
  type CreatedShareLinkResponse,
} from "@/lib/share-links/schemas";

type FieldErrors = Record<string, string[]>;

/** The server's own schema, so the form refuses exactly what the API would, before sending. */
function checkShareLink(form: FormData): { input: ShareLinkRequest; errors: null } | { errors: FieldErrors } {
  const days = String(form.get("expiresInDays") ?? "").trim();
  const cap = String(form.get("maxDownloads") ?? "").trim();
  const parsed = createShareLinkBodySchema.safeParse({
    expiresInDays: days === "" ? undefined : Number(days),
    maxDownloads: cap === "" ? null : Number(cap),
    label: String(form.get("label") ?? ""),
  });
  if (parsed.success) return { input: parsed.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return { errors };
}

export function ShareReportDialog({ report }: { report: { id: string; title: string } }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedShareLinkResponse | null>(null);
  const creation = useCreateShareLink(report.id);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      // Closing forgets the URL for good.
      setCreated(null);
      creation.reset();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={`Share ${report.title}`}>
          Share
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <CreatedLinkNotice created={created} />
        ) : (
          <ShareLinkForm
            title={report.title}
            isPending={creation.isPending}
            error={creation.error}
            onSubmit={(input) => creation.mutate(input, { onSuccess: setCreated })}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function ShareLinkForm({
  title,
  isPending,
  error,
  onSubmit,
}: {
  title: string;
  isPending: boolean;
  error: Error | null;
  onSubmit: (input: ShareLinkRequest) => void;
}) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const fieldErrors = clientErrors ?? (error instanceof ApiError ? error.fields : {});
  const hasFieldError = Object.keys(fieldErrors).length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkShareLink(new FormData(event.currentTarget));
    setClientErrors(checked.errors);
    if (checked.errors) {
      // Focus the first field to fix; its message is its description.
      const first = ["expiresInDays", "maxDownloads", "label"].find((name) => checked.errors[name]);
      formRef.current?.querySelector<HTMLElement>(`[name="${first ?? "expiresInDays"}"]`)?.focus();
      return;
    }
    onSubmit(checked.input);
  }

  const fieldProps = (name: "expiresInDays" | "maxDownloads" | "label") => {
    const message = fieldErrors[name]?.[0];
    return {
      id: `${id}-${name}`,
      name,
      onChange: () => setClientErrors(null),
      "aria-invalid": message ? true : undefined,
      "aria-describedby": `${id}-${name}-hint${message ? ` ${id}-${name}-error` : ""}`,
    };
  };

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <DialogTitle>Share this report</DialogTitle>
      <DialogDescription>
        Anyone with the link can open “{title}” read-only and download its files, without an account, until it expires
        or you revoke it. Every visit and download is recorded in the audit trail.
      </DialogDescription>
      <div className="mt-5 space-y-5">
        {error && !hasFieldError ? <Alert tone="error">{error.message}</Alert> : null}
        <ShareField
          id={`${id}-expiresInDays`}
          label="Expires after (days)"
          hint={`${shareLinkExpiryDays.min} to ${shareLinkExpiryDays.max} days.`}
          error={fieldErrors.expiresInDays?.[0]}
        >
          <Input
            {...fieldProps("expiresInDays")}
            type="number"
            inputMode="numeric"
            min={shareLinkExpiryDays.min}
            max={shareLinkExpiryDays.max}
            defaultValue={shareLinkExpiryDays.default}
            required
          />
        </ShareField>
        <ShareField
          id={`${id}-maxDownloads`}
          label="Download cap (optional)"
          hint="Downloads allowed in all, every format counted; leave empty for no cap."
          error={fieldErrors.maxDownloads?.[0]}
        >
          <Input
            {...fieldProps("maxDownloads")}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxShareLinkDownloads}
            placeholder="No cap"
          />
        </ShareField>
        <ShareField
          id={`${id}-label`}
          label="Label (optional)"
          hint="Who the link is for, shown in the list of links and the audit trail."
          error={fieldErrors.label?.[0]}
        >
          <Input {...fieldProps("label")} maxLength={maxShareLinkLabelLength} placeholder="e.g. External auditor" />
        </ShareField>
      </div>
      <div className="mt-6 flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create link"}
        </Button>
      </div>
    </form>
  );
}

/** A labelled field with its hint and, when refused, its error (both its description). */
function ShareField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CreatedLinkNotice({ created }: { created: CreatedShareLinkResponse }) {
  const urlId = useId();
  return (
    <div>
      <DialogTitle>Share link created</DialogTitle>
      <DialogDescription>
        Copy the link now and send it to whoever needs the report. Attest stores only a hash of it: you will not see it
        again.
      </DialogDescription>
      <div className="mt-5 space-y-1.5">
        <Label htmlFor={urlId}>Share link</Label>
        <Input
          id={urlId}
          readOnly
          value={created.url}
          className="font-mono text-xs"
          onFocus={(e) => e.target.select()}
        />
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Open until {formatDateTime(created.expiresAt)}
        {created.maxDownloads === null ? ", no download cap" : `, for ${created.maxDownloads} downloads`}
        {created.label ? ` · ${created.label}` : ""}.
      </p>
      <div className="mt-3">
        <CopyButton value={created.url} label="Copy link" />
      </div>
      <div className="mt-6 flex justify-end">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
