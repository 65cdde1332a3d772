"use client";
// "Create API key": name, scopes and an optional expiry day, then the plaintext key, shown this one time only.
// Closing the dialog (Escape, a click outside, Done) before the key was copied asks first: it cannot be shown again.
import { useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { apiKeyScopeOptions } from "@/components/api-keys/api-key-scopes";
import { describedBy } from "@/components/compliance/described-by";
import { FieldError } from "@/components/compliance/field-error";
import { useCreateApiKey, type CreatedApiKey } from "@/components/api-keys/use-create-api-key";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import type { ApiKeyScope } from "@/lib/auth/identity";
import { ApiError } from "@/lib/client/api-error";

function tomorrowUtcDay(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return error instanceof ApiError ? error.fields : {};
}

/** The server's own schema, so the form refuses exactly what the API would, before sending. */
function checkCreateApiKey(input: {
  name: string;
  scopes: string[];
  expiresOn?: string;
}): Record<string, string[]> | null {
  const parsed = createApiKeySchema.safeParse(input);
  if (parsed.success) return null;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fields[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fields;
}

export function CreateApiKeyDialog({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [isKeyCopied, setIsKeyCopied] = useState(false);
  const [isConfirmingClose, setIsConfirmingClose] = useState(false);
  const copyButtonRef = useRef<HTMLSpanElement>(null);
  const createApiKey = useCreateApiKey(orgId);

  function close() {
    setOpen(false);
    setIsConfirmingClose(false);
    // Closing forgets the plaintext for good.
    setCreated(null);
    setIsKeyCopied(false);
    createApiKey.reset();
  }

  function onOpenChange(next: boolean) {
    if (next) setOpen(true);
    else if (created && !isKeyCopied) setIsConfirmingClose(true);
    else close();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Create API key</Button>
      </DialogTrigger>
      <DialogContent
        // Escape while the question is open means "back to the key". The question's own layer
        // normally takes it; one pressed as the question opens can reach this layer instead.
        onEscapeKeyDown={(event) => {
          if (!isConfirmingClose) return;
          event.preventDefault();
          setIsConfirmingClose(false);
        }}
      >
        {created ? (
          <CreatedKeyNotice created={created} copyButtonRef={copyButtonRef} onCopied={() => setIsKeyCopied(true)} />
        ) : (
          <CreateKeyForm
            isPending={createApiKey.isPending}
            error={createApiKey.error}
            onSubmit={(input) => createApiKey.mutate(input, { onSuccess: setCreated })}
          />
        )}
      </DialogContent>
      <AlertDialog open={isConfirmingClose} onOpenChange={setIsConfirmingClose}>
        <AlertDialogContent
          // Back at the key, on the button that copies it (when the key dialog closed too, its trigger takes focus).
          onCloseAutoFocus={(event) => {
            const copyButton = copyButtonRef.current?.querySelector("button");
            if (!copyButton) return;
            event.preventDefault();
            copyButton.focus();
          }}
        >
          <AlertDialogTitle>Close without copying the key?</AlertDialogTitle>
          <AlertDialogDescription>
            You have not copied this key; it will not be shown again. Without it you would have to create another.
          </AlertDialogDescription>
          <div className="mt-6 flex justify-end gap-3">
            <AlertDialogCancel asChild>
              <Button variant="secondary">Back to the key</Button>
            </AlertDialogCancel>
            <Button variant="danger" onClick={close}>
              Close without copying
            </Button>
          </div>
        </AlertDialogContent>
      </AlertDialog>
    </Dialog>
  );
}

function CreateKeyForm({
  isPending,
  error,
  onSubmit,
}: {
  isPending: boolean;
  error: unknown;
  onSubmit: (input: { name: string; scopes: ApiKeyScope[]; expiresOn?: string }) => void;
}) {
  const nameId = useId();
  const scopesErrorId = `${nameId}-scopes-error`;
  const expiresId = `${nameId}-expires`;
  const formRef = useRef<HTMLFormElement>(null);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const fieldErrors = clientErrors ?? fieldErrorsOf(error);
  const nameError = fieldErrors.name?.[0];
  const scopesError = fieldErrors.scopes?.[0];
  const expiresError = fieldErrors.expiresOn?.[0];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expiresOn = String(form.get("expiresOn") ?? "");
    const input = {
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String),
      ...(expiresOn ? { expiresOn } : {}),
    };
    const errors = checkCreateApiKey(input);
    setClientErrors(errors);
    if (errors) {
      // Focus the first field to fix, as the Generate form does; its message is its description.
      const target = errors.name
        ? `#${CSS.escape(nameId)}`
        : errors.scopes
          ? 'input[name="scopes"]'
          : `#${CSS.escape(expiresId)}`;
      formRef.current?.querySelector<HTMLElement>(target)?.focus();
      return;
    }
    onSubmit({ ...input, scopes: input.scopes as ApiKeyScope[] });
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate>
      <DialogTitle>Create API key</DialogTitle>
      <DialogDescription>
        Programs send the key as <code className="font-mono text-xs">Authorization: Bearer …</code>. It acts for this
        organization with the scopes you choose.
      </DialogDescription>
      <div className="mt-5 space-y-5">
        {error && !nameError && !scopesError && !expiresError ? (
          <Alert tone="error">{error instanceof Error ? error.message : "Could not create the key."}</Alert>
        ) : null}
        <div className="space-y-1.5">
          <Label htmlFor={nameId}>Name</Label>
          <Input
            id={nameId}
            name="name"
            required
            maxLength={100}
            placeholder="e.g. GRC exporter"
            onChange={() => setClientErrors(null)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
          />
          <FieldError id={`${nameId}-error`} messages={nameError ? [nameError] : undefined} />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-2 space-y-2">
            {apiKeyScopeOptions.map((option) => (
              <label key={option.scope} className="flex items-start gap-3 rounded-md border border-slate-200 p-3">
                <input
                  type="checkbox"
                  name="scopes"
                  value={option.scope}
                  defaultChecked={option.scope === "reports:read"}
                  onChange={() => setClientErrors(null)}
                  aria-invalid={scopesError ? true : undefined}
                  aria-describedby={scopesError ? scopesErrorId : undefined}
                  className="mt-0.5 size-4 accent-indigo-600"
                />
                <span>
                  <span className="block font-mono text-sm text-slate-900">{option.scope}</span>
                  <span className="block text-xs text-slate-600">{option.description}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={scopesErrorId} messages={scopesError ? [scopesError] : undefined} />
        </fieldset>
        <div className="space-y-1.5">
          <Label htmlFor={expiresId}>Expires on (optional)</Label>
          <Input
            id={expiresId}
            name="expiresOn"
            type="date"
            min={tomorrowUtcDay()}
            className="sm:max-w-xs"
            onChange={() => setClientErrors(null)}
            aria-invalid={expiresError ? true : undefined}
            aria-describedby={describedBy(`${expiresId}-help`, expiresError && `${expiresId}-error`)}
          />
          <p id={`${expiresId}-help`} className="text-xs text-slate-600">
            The key stops working when this day begins (00:00 UTC). Leave empty for a key that does not expire.
          </p>
          <FieldError id={`${expiresId}-error`} messages={expiresError ? [expiresError] : undefined} />
        </div>
      </div>
      <div className="mt-6 flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Creating…" : "Create key"}
        </Button>
      </div>
    </form>
  );
}

function CreatedKeyNotice({
  created,
  copyButtonRef,
  onCopied,
}: {
  created: CreatedApiKey;
  copyButtonRef: RefObject<HTMLSpanElement | null>;
  onCopied: () => void;
}) {
  const keyId = useId();
  return (
    <div>
      <DialogTitle>API key created</DialogTitle>
      <DialogDescription>
        Copy the key for “{created.apiKey.name}” now. Attest stores only a hash of it: you will not see it again.
      </DialogDescription>
      <div className="mt-5 space-y-1.5">
        <Label htmlFor={keyId}>Your new API key</Label>
        <Input
          id={keyId}
          readOnly
          value={created.key}
          className="font-mono text-xs"
          onFocus={(e) => e.target.select()}
          // Copied by hand (selected, then Ctrl+C or the context menu) counts as copied too.
          onCopy={onCopied}
        />
      </div>
      <span ref={copyButtonRef} className="mt-3 block">
        <CopyButton value={created.key} label="Copy key" onCopied={onCopied} />
      </span>
      <div className="mt-6 flex justify-end">
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}
