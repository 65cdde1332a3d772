// The frame of every page a share link answers with: a plain, self-contained
// document (its stylesheet is a static file, no script at all), so nothing of
// the app (its navigation, session, other reports) can appear on it.
import { escapeHtml } from "@/lib/http/escape-html";

/** `body` is HTML already escaped by the caller. */
export function renderSharePageDocument({ title, body }: { title: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Attest</title>
<link rel="stylesheet" href="/share-page.css">
</head>
<body>
<main>
${body}
<p class="footer">Shared with Attest. This page is read-only and shows this one report.</p>
</main>
</body>
</html>
`;
}

export const htmlHeaders = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "private, no-store",
  // The token is in the URL: never sent on to another site.
  "referrer-policy": "no-referrer",
} as const;
