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
