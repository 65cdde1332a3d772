// Numbers the SSA published in advertising, used as examples ever since.
const PUBLICISED = new Set(["078051120", "219099999"]);

/**
 * SSA rules for a US Social Security number's parts: area not 000, 666 or
 * 900–999; group not 00; serial not 0000.
 */
export function isValidUsSsn(area: string, group: string, serial: string): boolean {
  if (!/^\d{3}$/.test(area) || !/^\d{2}$/.test(group) || !/^\d{4}$/.test(serial)) return false;
  const areaNumber = Number(area);
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  if (group === "00" || serial === "0000") return false;
  return !PUBLICISED.has(area + group + serial);
}
