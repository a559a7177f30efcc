import { parseImageConfigJson } from '../oci/image-config.js';

/**
 * The part of an image config (OCI image-spec config, plus Docker's Healthcheck) that policy
 * reads. Checked here, at the edge: Docker writes `null` for empty lists, and a config from a
 * foreign tool must fail with a clear message rather than deep inside a rule.
 */
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
  const { config: c, os, architecture, variant } = parseImageConfigJson(bytes, where);
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
