"use client";
// The invited person's one step: choose a password (twice), then sign in.
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/compliance/field-error";
import { ApiError } from "@/lib/client/api-error";
import { fetchJson } from "@/lib/client/fetch-json";
import { minimumPasswordLength } from "@/lib/users/schemas";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const passwordId = useId();
  const repeatId = useId();
  const [mismatch, setMismatch] = useState(false);
  const accept = useMutation({
    mutationFn: (password: string) =>
      fetchJson<{ email: string }>("/api/invitations/accept", { method: "POST", json: { token, password } }),
  });
  const fields = accept.error instanceof ApiError ? accept.error.fields : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const repeated = String(form.get("repeat") ?? "");
    setMismatch(password !== repeated);
    if (password !== repeated) return;
    accept.mutate(password);
  }

  if (accept.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password is set.</Alert>
        <Link
          href="/login"
          className="block rounded-md bg-indigo-600 px-4 py-2 text-center text-sm font-medium text-white hover:bg-indigo-700"
        >
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {accept.error && !fields.password ? <Alert tone="error">{accept.error.message}</Alert> : null}
      <p className="text-sm text-slate-700">
        Account: <span className="font-medium">{email}</span>
      </p>
      <div className="space-y-1.5">
        <Label htmlFor={passwordId}>New password</Label>
        <Input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minimumPasswordLength}
          aria-invalid={fields.password ? true : undefined}
          aria-describedby={`${passwordId}-hint${fields.password ? ` ${passwordId}-error` : ""}`}
        />
        <p id={`${passwordId}-hint`} className="text-xs text-slate-600">
          At least {minimumPasswordLength} characters.
        </p>
        <FieldError id={`${passwordId}-error`} messages={fields.password} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={repeatId}>Repeat the password</Label>
        <Input
          id={repeatId}
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch ? true : undefined}
          aria-describedby={mismatch ? `${repeatId}-error` : undefined}
        />
        <FieldError id={`${repeatId}-error`} messages={mismatch ? ["The two passwords differ"] : undefined} />
      </div>
      <Button type="submit" className="w-full" disabled={accept.isPending}>
        {accept.isPending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
