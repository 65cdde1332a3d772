// How list and yes/no values sit in one spreadsheet cell, both ways. A list is
// its items separated by semicolons ("name; email address"), or a JSON array
// when an item holds a semicolon; a transfer is "CC: safeguard". Export writes
// what import reads back to the same values.
import { formulaPattern } from "@/lib/compliance/csv/encode-csv-cell";

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

type Transfer = { country: string; safeguard: string };

/**
 * Undoes the export's formula guard: a cell the CSV dialect prefixed with an
 * apostrophe ("'=x") imports as written before ("=x").
 */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && formulaPattern.test(cell.slice(1)) ? cell.slice(1) : cell;
}

export function decodeListCell(cell: string): CellResult<string[]> {
  const text = cell.trim();
  if (text === "") return { ok: true, value: [] };
  if (text.startsWith("[")) {
    const parsed = parseJson(text);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === "string")) return { ok: true, value: parsed };
    return { ok: false, message: 'Not a JSON array of text, e.g. ["name", "email address"]' };
  }
  return { ok: true, value: splitItems(text) };
}

export function encodeListCell(items: readonly string[]): string {
  const needsJson = items.some((item) => item.includes(";")) || items[0]?.startsWith("[") === true;
  return needsJson ? JSON.stringify(items) : items.join("; ");
}

export function decodeTransfersCell(cell: string): CellResult<Transfer[]> {
  const text = cell.trim();
  if (text === "") return { ok: true, value: [] };
  if (text.startsWith("[")) {
    const parsed = parseJson(text);
    if (Array.isArray(parsed)) return { ok: true, value: parsed as Transfer[] };
    return { ok: false, message: 'Not a JSON array, e.g. [{"country": "US", "safeguard": "SCCs"}]' };
  }
  const transfers: Transfer[] = [];
  for (const item of splitItems(text)) {
    const colon = item.indexOf(":");
    if (colon < 0) return { ok: false, message: `Write each transfer as "CC: safeguard", separated by semicolons` };
    transfers.push({ country: item.slice(0, colon).trim(), safeguard: item.slice(colon + 1).trim() });
  }
  return { ok: true, value: transfers };
}

export function encodeTransfersCell(transfers: readonly Transfer[]): string {
  const needsJson = transfers.some(
    (transfer) => transfer.safeguard.includes(";") || transfer.country.includes(":") || transfer.country.includes(";"),
  );
  if (needsJson) return JSON.stringify(transfers);
  return transfers.map((transfer) => `${transfer.country}: ${transfer.safeguard}`).join("; ");
}

const yes = new Set(["true", "yes", "y", "1"]);
const no = new Set(["false", "no", "n", "0", ""]);

export function decodeYesNoCell(cell: string): CellResult<boolean> {
  const text = cell.trim().toLowerCase();
  if (yes.has(text)) return { ok: true, value: true };
  if (no.has(text)) return { ok: true, value: false };
  return { ok: false, message: "Use true or false (or leave it empty for false)" };
}

/** Empty text is "not recorded". */
export function decodeOptionalTextCell(cell: string): string | null {
  return cell.trim() === "" ? null : cell;
}

function splitItems(text: string): string[] {
  return text
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
