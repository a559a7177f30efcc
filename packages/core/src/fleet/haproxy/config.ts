import type { Colour } from '../provider.js';

/** Servers each colour's backend holds; the runtime API fills them, haproxy cannot add more. */
export const POOL_SLOTS = 16;
/** The map keys the two frontends look up: the live route and the preview route. */
export const LIVE_KEY = 'live';
export const PREVIEW_KEY = 'preview';
/** An address no server answers on, for a slot that holds no task. */
const UNUSED_ADDRESS = '127.0.0.1:1';

/** The backend of a colour's pool. */
export const backendOf = (c: Colour): string => `app_${c}`;
/** The server in slot `i` (1-based) of a colour's pool. */
export const slotName = (c: Colour, i: number): string => `${c}${i}`;

export interface RoutesOptions {
  /** The map file the frontends read the route from (also written on every switch). */
  mapFile: string;
  port: number;
  previewPort: number;
  /** The path of haproxy's own HTTP health check. */
  healthPath?: string;
  slots?: number;
  /** Servers in the blue pool from the start. */
  initial?: readonly string[];
}

/**
 * The frontends and backends the haproxy router works with: one frontend for users and one
 * for previews, each picking its backend from one map entry, so a switch is one `set map`;
 * a backend per colour with fixed server slots the runtime API points at tasks.
 */
export function haproxyRoutes(o: RoutesOptions): string[] {
  const slots = o.slots ?? POOL_SLOTS;
  const pool = (c: Colour, initial: readonly string[]): string[] => [
    `backend ${backendOf(c)}`,
    '  balance roundrobin',
    `  option httpchk GET ${o.healthPath ?? '/'}`,
    '  http-check expect status 200',
    '  default-server check inter 1s fall 2 rise 1',
    ...Array.from({ length: slots }, (_, i) =>
      initial[i]
        ? `  server ${slotName(c, i + 1)} ${initial[i]}`
        : `  server ${slotName(c, i + 1)} ${UNUSED_ADDRESS} disabled`,
    ),
    '',
  ];
  return [
    'frontend app',
    `  bind 127.0.0.1:${o.port}`,
    `  use_backend %[str(${LIVE_KEY}),map(${o.mapFile},${backendOf('blue')})]`,
    '',
    'frontend preview',
    `  bind 127.0.0.1:${o.previewPort}`,
    `  use_backend %[str(${PREVIEW_KEY}),map(${o.mapFile},${backendOf('green')})]`,
    '',
    ...pool('blue', o.initial ?? []),
    ...pool('green', []),
  ];
}

/** The map file for a live colour (the preview route takes the other one). */
export function routesMap(live: Colour): string {
  const idle: Colour = live === 'blue' ? 'green' : 'blue';
  return `${LIVE_KEY} ${backendOf(live)}\n${PREVIEW_KEY} ${backendOf(idle)}\n`;
}
