// The chart palettes: every colour stands out from the white chart background
// (WCAG 2.1 SC 1.4.11, non-text contrast at least 3:1) and from every other
// colour of its palette (CIE76 colour difference of at least 25).
import { describe, expect, it } from "vitest";
import { chartColors, loginColors, severityColors } from "@/components/compliance/chart-colors";

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function difference(a: string, b: string): number {
  const [la, aa, ba] = lab(a);
  const [lb, ab, bb] = lab(b);
  return Math.hypot(la - lb, aa - ab, ba - bb);
}

const palettes = { chartColors, severityColors: Object.values(severityColors), logins: Object.values(loginColors) };

describe.each(Object.entries(palettes))("%s", (_, palette) => {
  it("has at least 3:1 contrast with the white background for every colour", () => {
    for (const colour of palette) expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
  });

  it("keeps every pair of colours clearly apart", () => {
    for (const [index, a] of palette.entries()) {
      for (const b of palette.slice(index + 1)) expect(difference(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(25);
    }
  });
});

describe("the checks themselves", () => {
  it("find black on white 21:1 and a near-duplicate too close", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#ffff00", "#ffffff")).toBeLessThan(3);
    // The violet this palette used to have next to its indigo.
    expect(difference("#4f46e5", "#7c3aed")).toBeLessThan(25);
  });
});
