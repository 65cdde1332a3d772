"use client";
// Client-side providers: the next-auth session (org switching calls its update())
// and React Query for server state.
import { QueryClient, QueryClientProvider, isServer } from "@tanstack/react-query";
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

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </SessionProvider>
  );
}
