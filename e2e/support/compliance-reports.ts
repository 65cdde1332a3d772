// Helpers for the compliance specs: reports created through the real API (with
// the signed-in browser context's cookies), rows found by report id, and a
// recorder of every status a report's row showed, read from the DOM.
import { readFile } from "node:fs/promises";
import { expect, type APIRequestContext, type Download, type Locator, type Page } from "@playwright/test";

export const reportsApi = "/api/engine/compliance/reports";

export type ReportJson = {
  id: string;
  type: string;
  title: string;
  status: "pending" | "completed" | "failed";
  error: string | null;
  scope: { dateRange?: { from: string; to: string }; agentIds: string[] };
  artifacts: Record<string, { byteSize: number; sha256: string }> | null;
  statement: { kid: string; signedAt: string; sha256: string } | null;
};

export async function createReport(
  request: APIRequestContext,
  type: "soc2" | "gdpr" | "audit",
  body: Record<string, unknown>,
): Promise<ReportJson> {
  const response = await request.post(`${reportsApi}/${type}`, { data: body });
  expect(response.status(), await response.text()).toBe(202);
  return (await response.json()) as ReportJson;
}

export async function waitForCompleted(request: APIRequestContext, id: string): Promise<ReportJson> {
  let report: ReportJson | undefined;
  await expect(async () => {
    const response = await request.get(`${reportsApi}/${id}`);
    report = (await response.json()) as ReportJson;
    expect(report.status).not.toBe("pending");
  }).toPass({ timeout: 90_000, intervals: [250, 500, 1000] });
  expect(report?.status, report?.error ?? "").toBe("completed");
  return report!;
}

/** The Reports table row of one report, found by the link to its viewer. */
export function reportRow(page: Page, id: string): Locator {
  return page
    .getByRole("table", { name: "Reports" })
    .getByRole("row")
    .filter({ has: page.locator(`a[href="/dashboard/compliance/reports/${encodeURIComponent(id)}"]`) });
}

declare global {
  interface Window {
    __reportStatuses?: Record<string, string[]>;
    __documentMark?: string;
  }
}

/**
 * Records, for every report row, the sequence of statuses it displayed, so a
 * test can prove a row showed "pending" and then "completed" however quickly
 * the server finished.
 */
export async function recordReportStatuses(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Record<string, string[]> = {};
    window.__reportStatuses = seen;
    const scan = () => {
      const links = document.querySelectorAll<HTMLAnchorElement>('a[href^="/dashboard/compliance/reports/"]');
      for (const link of links) {
        const row = link.closest("tr");
        if (!row) continue;
        const id = decodeURIComponent(link.getAttribute("href")!.split("/").pop()!);
        // The Status column, wherever the table puts it.
        const headers = Array.from(row.closest("table")?.querySelectorAll("thead th") ?? []);
        const statusColumn = headers.findIndex((header) => header.textContent?.trim() === "Status");
        const text = row.cells[statusColumn]?.textContent ?? "";
        const status = ["pending", "completed", "failed"].find((candidate) => text.includes(candidate)) ?? text;
        const history = (seen[id] ??= []);
        if (history.at(-1) !== status) history.push(status);
      }
    };
    new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

export async function statusHistory(page: Page, id: string): Promise<string[]> {
  return page.evaluate((reportId) => window.__reportStatuses?.[reportId] ?? [], id);
}

/** Marks the current document; `isSameDocument` is false after any reload or full navigation. */
export async function markDocument(page: Page): Promise<string> {
  const mark = `mark-${Date.now()}-${Math.random()}`;
  await page.evaluate((value) => (window.__documentMark = value), mark);
  return mark;
}

export async function isSameDocument(page: Page, mark: string): Promise<boolean> {
  return page.evaluate((value) => window.__documentMark === value, mark);
}

/** Clicks a download link (it opens a new tab, as the seed page says) and returns the file's text. */
export async function downloadText(page: Page, link: Locator): Promise<{ text: string; filename: string }> {
  const context = page.context();
  let onPage: ((popup: Page) => void) | undefined;
  const download = new Promise<Download>((resolve) => {
    // The attachment is answered in the new tab: listen on it from its creation.
    onPage = (popup: Page) => popup.once("download", resolve);
    context.on("page", onPage);
    page.once("download", resolve);
  });
  await link.click();
  const file = await download;
  if (onPage) context.off("page", onPage);
  const filePath = await file.path();
  return { text: await readFile(filePath, "utf8"), filename: file.suggestedFilename() };
}
