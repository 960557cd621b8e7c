/** A growable list of latency samples in milliseconds, with nearest-rank percentiles. */
export class Samples {
  private values = new Float64Array(1024);
  private length = 0;

  add(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  get count(): number {
    return this.length;
  }

  /** Percentiles (0–100) by the nearest-rank method; 0 when there are no samples. */
  percentiles(...ranks: number[]): number[] {
    const sorted = this.values.slice(0, this.length).sort();
    return ranks.map((rank) => {
      if (sorted.length === 0) return 0;
      const index = Math.min(
        sorted.length - 1,
        Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1),
      );
      return sorted[index] ?? 0;
    });
  }
}
