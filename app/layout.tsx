import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { nonceHeader } from "@/lib/http/nonce-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Attest", template: "%s · Attest" },
  description: "Compliance reports (SOC2, GDPR, audit) for AI agents that send and receive email",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so Next can stamp it with that
  // request's CSP nonce (proxy.ts); the browser-side code needs it for the styles it injects.
  const nonce = (await headers()).get(nonceHeader) ?? undefined;
  return (
    <html lang="en">
      <body>
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
