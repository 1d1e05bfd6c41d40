import type { ResolvableReference, Resolution } from './resolve';

/** Places (folders) whose resolutions are kept. */
const KEPT_PLACES = 256;

/**
 * Resolutions memoised while the file set does not change, by where they are resolved from (the
 * citing document's folder and its initiative's folder: all that a resolution reads of the
 * document) and then by the citation, for the places resolved from last. Findings are computed
 * initiative by initiative and an edit recomputes its own initiative, so the places asked for
 * again are the recent ones; 10,000 generated documents resolve 154,000 citations from 1,049
 * places, and keeping them all took 50 MB, mostly keys. A plain file citation is keyed by its
 * target (the model's own string), and a path found is stored once however many places cite it.
 */
export class ResolutionMemo {
  private readonly byOrigin = new Map<string, Map<string, Resolution>>();
  private readonly paths = new Map<string, string>();
  private lastOrigin: string | null = null;
  private last: Map<string, Resolution> | null = null;

  get(origin: string, ref: ResolvableReference, resolve: () => Resolution): Resolution {
    const memo = this.place(origin);
    // A target holds no NUL, so the two key forms never meet.
    const near = ref.near && ref.near.length > 0 ? ref.near.join('\u0001') : '';
    const key = ref.shape === 'file' && near === '' ? ref.target : `${ref.target}\u0000${ref.shape}\u0000${near}`;
    let hit = memo.get(key);
    if (!hit) {
      hit = this.shared(resolve());
      memo.set(key, hit);
    }
    return hit;
  }

  /** The memo of one place, made the most recent; the least recent places are dropped past KEPT_PLACES. */
  private place(origin: string): Map<string, Resolution> {
    if (origin === this.lastOrigin && this.last) return this.last;
    let memo = this.byOrigin.get(origin);
    if (memo) this.byOrigin.delete(origin);
    else {
      memo = new Map();
      for (const oldest of this.byOrigin.keys()) {
        if (this.byOrigin.size < KEPT_PLACES) break;
        this.byOrigin.delete(oldest);
      }
    }
    this.byOrigin.set(origin, memo);
    this.lastOrigin = origin;
    this.last = memo;
    return memo;
  }

  private shared(r: Resolution): Resolution {
    if (r.resolved === null) return r;
    const path = this.paths.get(r.resolved);
    if (path === undefined) {
      this.paths.set(r.resolved, r.resolved);
      return r;
    }
    return { resolved: path, how: r.how };
  }
}
