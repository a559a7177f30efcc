/**
 * Values never shown: secrets, and whatever a step registered with `::add-mask::`. Applied to
 * every line the runner prints and to annotations, summaries and outputs it returns, as a
 * hosted runner masks its log.
 */
export class Masker {
  private readonly values = new Set<string>();

  /** Registers a value; a multi-line value is masked line by line too, as the runner does. */
  add(value: string): void {
    for (const v of [value, ...value.split(/\r?\n/)]) {
      const t = v.trim();
      if (t) this.values.add(t);
    }
  }

  /** True when `text` holds a registered value. */
  reveals(text: string): boolean {
    for (const v of this.values) if (text.includes(v)) return true;
    return false;
  }

  /** `text` with every registered value replaced by `***`, longest first (a value may hold another). */
  mask(text: string): string {
    let out = text;
    for (const v of [...this.values].sort((a, b) => b.length - a.length))
      out = out.split(v).join('***');
    return out;
  }
}
