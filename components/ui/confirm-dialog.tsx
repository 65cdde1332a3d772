"use client";
// A destructive action behind a confirmation: the dialog stays open while the
// request runs (not AlertDialogAction, which closes at once), shows the
// server's error in place, and closes only when the action succeeded.
import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/dialog";

type Mutation = { isPending: boolean; error: Error | null; reset(): void };

export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  pendingLabel,
  errorTitle,
  mutation,
  onConfirm,
}: {
  /** The element that opens the dialog (a Button). */
  trigger: ReactNode;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  errorTitle?: string;
  mutation: Mutation;
  /** Runs the action; calls `close` once it succeeded. */
  onConfirm(close: () => void): void;
}) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <AlertDialog
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) mutation.reset();
      }}
    >
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
        {mutation.error ? (
          <Alert tone="error" title={errorTitle} className="mt-4">
            {mutation.error.message}
          </Alert>
        ) : null}
        <div className="mt-6 flex justify-end gap-3">
          <AlertDialogCancel asChild>
            <Button variant="secondary">Cancel</Button>
          </AlertDialogCancel>
          <Button variant="danger" disabled={mutation.isPending} onClick={() => onConfirm(() => setIsOpen(false))}>
            {mutation.isPending ? pendingLabel : confirmLabel}
          </Button>
        </div>
      </AlertDialogContent>
    </AlertDialog>
  );
}
