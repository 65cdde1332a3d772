// A small palette that stays distinguishable in print and for common colour-vision deficiencies:
// each colour has at least 3:1 contrast with the white background (WCAG 1.4.11) and differs
// clearly from the others (tests/unit/chart-colors.test.ts).
export const chartColors = ["#4f46e5", "#0891b2", "#d97706", "#dc2626", "#059669", "#86198f", "#db2777", "#475569"];

export const severityColors: Record<string, string> = {
  critical: "#991b1b",
  high: "#dc2626",
  medium: "#d97706",
  low: "#0891b2",
};

/** Successful and failed sign-ins. */
export const loginColors = { successful: "#059669", failed: "#dc2626" } as const;
