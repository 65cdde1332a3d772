"use client";
// The API reference, rendered in the browser by Scalar from the document the
// server built: no fetch, no CDN, no fonts or telemetry from elsewhere (the
// library and its stylesheet are bundled). Scalar's Vue runtime needs no eval;
// the <style> elements it adds from script get the page's CSP nonce, so the
// library loads only once that is in place (lib/client/stamp-style-nonce.ts).
// The nonce is the document's, as the root layout handed it to get-nonce: after
// a client-side navigation this page's own render carries another request's.
import "@scalar/api-reference-react/style.css";
import { useEffect, useState } from "react";
import type { ApiReferenceReact } from "@scalar/api-reference-react";
import { getNonce } from "get-nonce";
import { stampStyleNonce } from "@/lib/client/stamp-style-nonce";

export function ApiReference({ document }: { document: object }) {
  const [Reference, setReference] = useState<typeof ApiReferenceReact | null>(null);
  useEffect(() => {
    const nonce = getNonce();
    const unstamp = nonce ? stampStyleNonce(nonce) : () => {};
    let isMounted = true;
    void import("@scalar/api-reference-react").then((module) => {
      if (isMounted) setReference(() => module.ApiReferenceReact);
    });
    return () => {
      isMounted = false;
      unstamp();
    };
  }, []);

  if (!Reference) return <p className="p-8 text-sm text-slate-600">Loading the API reference…</p>;
  return (
    <Reference
      configuration={{
        content: document,
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
        hideTestRequestButton: true,
        hideDarkModeToggle: true,
        forceDarkModeState: "light",
        showDeveloperTools: "never",
        // Its AI chat and MCP links talk to Scalar's servers.
        agent: { disabled: true },
        mcp: { disabled: true },
        documentDownloadType: "json",
      }}
    />
  );
}
