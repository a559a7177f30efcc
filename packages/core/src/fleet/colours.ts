import type { Colour } from './provider.js';

// The blue-green rules every provider with two colour pools shares: which colour is live,
// and how long the old one is kept warm after a switch.

export const COLOURS: readonly Colour[] = ['blue', 'green'];

export const otherColour = (c: Colour): Colour => (c === 'blue' ? 'green' : 'blue');

/** What a provider knows of one colour's pool. */
export interface ColourPool {
  /** Instances it is asked to run (0 once retired). */
  replicas: number;
  /** When it was kept warm after a switch away from it, the instant its window ends. */
  warmUntil?: string;
}

/**
 * The live colour: the one traffic is routed to, when that pool exists; else (a fresh or
 * restarted router, a Service that selects no colour) the only colour that runs and is not
 * merely kept warm; else none.
 */
export function liveColour(
  routed: Colour | undefined,
  pools: Record<Colour, ColourPool | undefined>,
): Colour | undefined {
  if (routed && pools[routed]) return routed;
  const running = COLOURS.filter((c) => {
    const p = pools[c];
    return p && p.replicas > 0 && !p.warmUntil;
  });
  return running.length === 1 ? running[0] : undefined;
}

/** The end of a keep-warm window that starts now; undefined when nothing is kept warm. */
export function warmUntil(now: number, keepWarmMs: number): string | undefined {
  return keepWarmMs > 0 ? new Date(now + keepWarmMs).toISOString() : undefined;
}

/** A warm colour whose window has passed, to be retired (its spec stays for a switch back). */
export function warmExpired(
  pool: ColourPool | undefined,
  live: Colour | undefined,
  colour: Colour,
  now: number,
): boolean {
  return (
    !!pool?.warmUntil && colour !== live && pool.replicas > 0 && Date.parse(pool.warmUntil) <= now
  );
}

/** What becomes of the colour that takes no traffic once the live one runs the digest. */
export type IdleColour =
  | { kind: 'none' }
  | { kind: 'retire' }
  /** `label`: its window starts now (it had none); else it keeps the one it carries. */
  | { kind: 'warm'; until: string; label: boolean };

/**
 * The idle colour as a switch to the live one leaves it: retired with keep-warm 0, else kept
 * warm for its own window, or for one that starts now when it carries none (a run killed
 * between the switch and its ledger entry left it running, unlabelled); retired once its
 * window has passed.
 */
export function idleColour(
  pool: ColourPool | undefined,
  keepWarmMs: number,
  now: number,
): IdleColour {
  if (!pool || pool.replicas === 0) return { kind: 'none' };
  if (keepWarmMs <= 0) return { kind: 'retire' };
  const end = pool.warmUntil ? Date.parse(pool.warmUntil) : Number.NaN;
  if (Number.isNaN(end))
    return { kind: 'warm', until: warmUntil(now, keepWarmMs) as string, label: true };
  if (end <= now) return { kind: 'retire' };
  return { kind: 'warm', until: pool.warmUntil as string, label: false };
}
