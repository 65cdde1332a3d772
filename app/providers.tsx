"use client";
// Client-side providers: the next-auth session (org switching calls its update())
// and React Query for server state.
import "@/lib/client/disable-zod-eval";
import { QueryClient, QueryClientProvider, isServer } from "@tanstack/react-query";
import { setNonce } from "get-nonce";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import { shouldRetryQuery } from "@/lib/client/should-retry-query";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    // A short stale time avoids refetching right after the server rendered the page.
    defaultOptions: { queries: { staleTime: 30_000, retry: shouldRetryQuery } },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server render (no data shared between requests), one in the browser. */
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  // Dialogs lock page scroll with a <style> element they add (react-remove-scroll); the
  // Content-Security-Policy lets it apply only with this page's nonce, which get-nonce hands them.
  if (nonce && !isServer) setNonce(nonce);
  const queryClient = getQueryClient();
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </SessionProvider>
  );
}
