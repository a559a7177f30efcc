/**
 * Sizes in policy files: a plain number of bytes, or a number with a unit. `kB`/`MB`/`GB`/`TB`
 * are powers of 1000 and `KiB`/`MiB`/`GiB`/`TiB` powers of 1024, as registries and `docker
 * images` print them; the unit is case-insensitive except that the `i` decides the base.
 */
const UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;

/** Bytes for `123`, `50MB`, `1.5GiB`, `500 kB`; undefined when the text is not a size. */
export function parseByteSize(text: string): number | undefined {
  const m = SIZE.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] as string).toLowerCase();
  const factor = unit === '' ? 1 : UNITS[unit];
  if (factor === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * factor);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** `52428800` → `52.4 MB (50.0 MiB)`: both bases, so either kind of limit reads naturally. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const dec = ['kB', 'MB', 'GB', 'TB'];
  const bin = ['KiB', 'MiB', 'GiB', 'TiB'];
  const pick = (base: number, names: string[]): string => {
    let v = bytes / base;
    let i = 0;
    while (v >= base && i < names.length - 1) {
      v /= base;
      i++;
    }
    return `${v.toFixed(1)} ${names[i] as string}`;
  };
  return `${pick(1000, dec)} (${pick(1024, bin)})`;
}
