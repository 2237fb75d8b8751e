// Row heights for the virtualised statement list: an estimate until a row has been measured,
// prefix sums rebuilt lazily after measurements, binary search from a scroll position to a row.
export class HeightIndex {
  private heights: Float64Array;
  private offsets: Float64Array;
  private dirty = true;

  constructor(
    readonly count: number,
    private estimate: number,
  ) {
    this.heights = new Float64Array(count).fill(estimate);
    this.offsets = new Float64Array(count + 1);
  }

  /** Record a measured height; returns true when it changed the layout. */
  set(index: number, height: number): boolean {
    if (index < 0 || index >= this.count || Math.abs(this.heights[index]! - height) < 0.5) return false;
    this.heights[index] = height;
    this.dirty = true;
    return true;
  }

  private rebuild(): void {
    if (!this.dirty) return;
    let y = 0;
    for (let i = 0; i < this.count; i++) {
      this.offsets[i] = y;
      y += this.heights[i]!;
    }
    this.offsets[this.count] = y;
    this.dirty = false;
  }

  /** The top of row `index` (the total height for index === count). */
  offsetOf(index: number): number {
    this.rebuild();
    return this.offsets[Math.max(0, Math.min(index, this.count))]!;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The row at vertical position `y` (clamped to the list). */
  indexAt(y: number): number {
    this.rebuild();
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  /** Rows [from, to) to render for a viewport at `top` of `height`, with `overscan` pixels each side. */
  range(top: number, height: number, overscan: number): { from: number; to: number } {
    if (this.count === 0) return { from: 0, to: 0 };
    const from = this.indexAt(Math.max(0, top - overscan));
    const to = Math.min(this.count, this.indexAt(top + height + overscan) + 1);
    return { from, to };
  }
}
