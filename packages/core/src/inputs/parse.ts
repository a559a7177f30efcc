import { invalidInput } from '../errors.js';

/** Typed parsers for action inputs. Each takes the input's name so errors can name it. */

const TRUE = ['true', 'yes', '1', 'on'];
const FALSE = ['false', 'no', '0', 'off'];

export function parseBoolean(name: string, raw: string, fallback?: boolean): boolean {
  const v = raw.trim().toLowerCase();
  if (v === '' && fallback !== undefined) return fallback;
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw invalidInput(name, raw, `must be one of ${[...TRUE, ...FALSE].join(', ')}`);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;

/** `90s`, `10m`, `1h30m`, `500ms`; a bare number is seconds. Returns milliseconds. */
export function parseDuration(name: string, raw: string, fallbackMs?: number): number {
  const v = raw.trim();
  if (v === '' && fallbackMs !== undefined) return fallbackMs;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  let rest = v;
  let total = 0;
  while (rest.length > 0) {
    const m = DURATION.exec(rest);
    if (!m) break;
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
    rest = rest.slice(m[0].length);
  }
  if (v === '' || rest.length > 0) {
    throw invalidInput(name, raw, 'must be a duration such as 90s, 10m, 1h30m or 500ms');
  }
  return Math.round(total);
}

export interface IntegerRule {
  min?: number;
  max?: number;
}

export function parseInteger(
  name: string,
  raw: string,
  fallback?: number,
  rule: IntegerRule = {},
): number {
  const v = raw.trim();
  if (v === '' && fallback !== undefined) return fallback;
  const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = rule;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range =
      rule.max !== undefined
        ? `between ${min} and ${max}`
        : rule.min !== undefined
          ? `>= ${min}`
          : '';
    throw invalidInput(name, raw, `must be an integer${range ? ' ' + range : ''}`);
  }
  return n;
}

/**
 * Multiline list: one item per line; with `commas`, items may also be comma-separated.
 * Blank lines and lines starting with `#` are skipped.
 */
export function parseList(raw: string, opts: { commas?: boolean } = {}): string[] {
  const lines = raw.split(/\r?\n/);
  const items = opts.commas ? lines.flatMap((l) => l.split(',')) : lines;
  return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}

const MAP_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;

/** `key=value` lines. The value may contain `=`; keys must be unique. */
export function parseMap(name: string, raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of parseList(raw)) {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!MAP_KEY.test(key)) {
      throw invalidInput(
        name,
        line,
        'each line must be key=value with a key of letters, digits, _ . - /',
      );
    }
    if (key in out) throw invalidInput(name, line, `key "${key}" is given twice`);
    out[key] = line.slice(eq + 1).trim();
  }
  return out;
}

/** One of a fixed set of choices. */
export function parseChoice<T extends string>(
  name: string,
  raw: string,
  choices: readonly T[],
  fallback?: T,
): T {
  const v = raw.trim();
  if (v === '' && fallback !== undefined) return fallback;
  if ((choices as readonly string[]).includes(v)) return v as T;
  throw invalidInput(name, raw, `must be one of ${choices.join(', ')}`);
}
