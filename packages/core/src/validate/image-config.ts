import { z } from 'zod';

/**
 * The part of an image config (OCI image-spec config, plus Docker's Healthcheck) that policy
 * reads. Checked here, at the edge: Docker writes `null` for empty lists, and a config from a
 * foreign tool must fail with a clear message rather than deep inside a rule.
 */
const list = z.array(z.string()).nullish();
const configSchema = z.object({
  architecture: z.string().optional(),
  os: z.string().optional(),
  variant: z.string().optional(),
  config: z
    .object({
      User: z.string().nullish(),
      Env: list,
      Entrypoint: list,
      Cmd: list,
      WorkingDir: z.string().nullish(),
      Labels: z.record(z.string(), z.string()).nullish(),
      Healthcheck: z
        .object({
          Test: list,
          Interval: z.number().optional(),
          Timeout: z.number().optional(),
          StartPeriod: z.number().optional(),
          Retries: z.number().optional(),
        })
        .nullish(),
    })
    .nullish(),
});

export interface HealthcheckFacts {
  /** e.g. `["CMD-SHELL", "wget -qO- localhost:8080"]`; `["NONE"]` disables an inherited one. */
  test: string[];
  /** Nanoseconds, as in the config. */
  intervalNs?: number;
  timeoutNs?: number;
  startPeriodNs?: number;
  retries?: number;
}

export interface ConfigFacts {
  os?: string;
  architecture?: string;
  variant?: string;
  /** `""` when unset, which means root. */
  user: string;
  env: string[];
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  labels: Record<string, string>;
  healthcheck?: HealthcheckFacts;
}

export function parseImageConfig(bytes: Buffer, where: string): ConfigFacts {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new Error(`${where} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const r = configSchema.safeParse(json);
  if (!r.success) {
    throw new Error(`${where} is not a valid image config: ${z.prettifyError(r.error)}`);
  }
  const { config: c, os, architecture, variant } = r.data;
  const facts: ConfigFacts = {
    user: c?.User ?? '',
    env: c?.Env ?? [],
    entrypoint: c?.Entrypoint ?? [],
    cmd: c?.Cmd ?? [],
    workingDir: c?.WorkingDir ?? '',
    labels: c?.Labels ?? {},
  };
  if (os) facts.os = os;
  if (architecture) facts.architecture = architecture;
  if (variant) facts.variant = variant;
  const h = c?.Healthcheck;
  if (h) {
    const health: HealthcheckFacts = { test: h.Test ?? [] };
    if (h.Interval !== undefined) health.intervalNs = h.Interval;
    if (h.Timeout !== undefined) health.timeoutNs = h.Timeout;
    if (h.StartPeriod !== undefined) health.startPeriodNs = h.StartPeriod;
    if (h.Retries !== undefined) health.retries = h.Retries;
    facts.healthcheck = health;
  }
  return facts;
}
