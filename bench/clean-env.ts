/**
 * The environment a benchmarked process gets: only what it needs to run. A user's runner adds
 * variables of its own; some cost every node start (NODE_EXTRA_CA_CERTS alone about 80 ms), so
 * they are left out and every tool is measured alike.
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/', ...extra };
}
