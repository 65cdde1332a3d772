// The plain page a browser gets when a share link does not open a report:
// unknown (404), revoked, expired or used up (410), too many requests (429).
import { escapeHtml } from "@/lib/http/escape-html";
import { renderSharePageDocument } from "@/lib/share-links/page/share-page-document";

const titles: Record<number, string> = {
  400: "The request is not valid",
  404: "Share link not found",
  410: "This share link no longer works",
  429: "Too many requests",
};

const hints: Record<number, string> = {
  404: "Check that you copied the whole link. If it still does not open, ask whoever sent it for a new one.",
  429: "Wait a minute, then try again.",
};

export function renderShareErrorPage({ status, message }: { status: number; message: string }): string {
  const title = titles[status] ?? (status >= 500 ? "Something went wrong" : "The link did not open");
  const body = `<p class="eyebrow">${status}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(status === 404 ? "No report is shared under this link." : message)}</p>
${hints[status] ? `<p class="hint">${escapeHtml(hints[status])}</p>` : ""}`;
  return renderSharePageDocument({ title, body });
}
