// A small palette that stays distinguishable in print and for common colour-vision deficiencies.
export const chartColors = ["#4f46e5", "#0891b2", "#d97706", "#dc2626", "#059669", "#7c3aed", "#db2777", "#475569"];

export const severityColors: Record<string, string> = {
  critical: "#991b1b",
  high: "#dc2626",
  medium: "#d97706",
  low: "#0891b2",
};
