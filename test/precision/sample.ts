import type { CorpusFinding } from './findings';

/** A small seeded generator (mulberry32), so that a sample can be drawn again exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws `size` findings at random, stratified by code: each code gets a share of the sample in
 * proportion to its count, but at least `floor` (or all it has), so rare codes are judged too.
 */
export function stratifiedSample(pool: readonly CorpusFinding[], size: number, seed: number, floor = 4): CorpusFinding[] {
  const random = seeded(seed);
  const byCode = new Map<string, CorpusFinding[]>();
  for (const f of pool) {
    const list = byCode.get(f.code);
    if (list) list.push(f);
    else byCode.set(f.code, [f]);
  }
  const codes = [...byCode.keys()].sort();
  // Each code's proportional share, raised to the floor; what is over the floor is then scaled so the total is `size`.
  const base = new Map<string, number>();
  const extra = new Map<string, number>();
  for (const code of codes) {
    const have = byCode.get(code)?.length ?? 0;
    const low = Math.min(have, floor);
    base.set(code, low);
    extra.set(code, Math.max(0, Math.min(have, (size * have) / Math.max(1, pool.length)) - low));
  }
  const room = Math.max(0, size - [...base.values()].reduce((a, b) => a + b, 0));
  const wanted = [...extra.values()].reduce((a, b) => a + b, 0);
  const scale = wanted > room ? room / wanted : 1;
  const quota = new Map<string, number>();
  for (const code of codes) quota.set(code, (base.get(code) ?? 0) + Math.round((extra.get(code) ?? 0) * scale));
  const picked: CorpusFinding[] = [];
  for (const code of codes) {
    const list = [...(byCode.get(code) ?? [])];
    // Fisher–Yates on a copy, then the first `quota` items.
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const a = list[i];
      const b = list[j];
      if (a && b) {
        list[i] = b;
        list[j] = a;
      }
    }
    picked.push(...list.slice(0, quota.get(code) ?? 0));
  }
  return picked;
}
