// A small deterministic PRNG (sfc32, seeded through cyrb128) so the demo data is
// the same on every run and every machine for the same seed.

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; weights need not sum to 1. */
  pickWeighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A picker over fixed weights, for hot loops (cumulative weights computed once). */
  weighted<T>(items: readonly (readonly [T, number])[]): () => T;
  /** k distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** An independent stream derived from this seed and a label: adding a stream never shifts another. */
  fork(label: string): Random;
};

/** cyrb128: spreads a string over four 32-bit words, the seed sfc32 needs. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRandom(seed: string | number): Random {
  const seedText = String(seed);
  let [a, b, c, d] = hashSeed(seedText);

  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes poorly for a few rounds.
  for (let i = 0; i < 15; i++) next();

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    pickWeighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error("pickWeighted from an empty list");
      return last[0];
    },
    weighted<T>(items: readonly (readonly [T, number])[]): () => T {
      if (items.length === 0) throw new Error("weighted over an empty list");
      const values = items.map(([item]) => item);
      const cumulative: number[] = [];
      let total = 0;
      for (const [, weight] of items) cumulative.push((total += weight));
      return () => {
        const roll = next() * total;
        let low = 0;
        let high = cumulative.length - 1;
        while (low < high) {
          const mid = (low + high) >> 1;
          if (roll < (cumulative[mid] as number)) high = mid;
          else low = mid + 1;
        }
        return values[low] as T;
      };
    },
    sample<T>(items: readonly T[], k: number): T[] {
      // Selection sampling (Knuth's algorithm S): keeps the original order.
      const chosen: T[] = [];
      let needed = Math.min(k, items.length);
      for (let i = 0; i < items.length && needed > 0; i++) {
        if (next() * (items.length - i) < needed) {
          chosen.push(items[i] as T);
          needed--;
        }
      }
      return chosen;
    },
    fork: (label) => createRandom(`${seedText}/${label}`),
  };
}
