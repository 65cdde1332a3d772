"use client";
// Copies a value to the clipboard and says so (politely, for screen readers too).
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // The async clipboard needs a secure context; plain http on a LAN address falls back to execCommand.
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied;
  }
}

export function CopyButton({
  value,
  label = "Copy",
  onCopied,
}: {
  value: string;
  label?: string;
  /** Called once the value is on the clipboard (not when copying failed). */
  onCopied?: () => void;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        onClick={async () => {
          const isCopied = await copyText(value);
          setState(isCopied ? "copied" : "failed");
          if (isCopied) onCopied?.();
        }}
      >
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text and copy it" : ""}
      </span>
    </span>
  );
}
