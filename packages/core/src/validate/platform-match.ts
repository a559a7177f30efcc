import type { Platform } from '../oci/manifest.js';

/** `linux/arm64` matches linux/arm64 of any variant; `linux/arm/v7` needs that variant. */
export function platformMatches(p: Platform | undefined, wanted: string): boolean {
  if (!p) return false;
  const [os, architecture, variant] = wanted.split('/');
  return p.os === os && p.architecture === architecture && (!variant || p.variant === variant);
}
