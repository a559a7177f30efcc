import { z } from 'zod';

/**
 * OCI image config (plus Docker's Healthcheck), checked once at the edge. Loose objects keep
 * fields we do not model, so a baked config carries everything its base had. Docker writes
 * `null` for empty lists.
 */
const list = z.array(z.string()).nullish();

export const containerConfigSchema = z.looseObject({
  User: z.string().nullish(),
  Env: list,
  Entrypoint: list,
  Cmd: list,
  WorkingDir: z.string().nullish(),
  Labels: z.record(z.string(), z.string()).nullish(),
  ExposedPorts: z.record(z.string(), z.object({})).nullish(),
  StopSignal: z.string().nullish(),
  Healthcheck: z
    .object({
      Test: list,
      Interval: z.number().optional(),
      Timeout: z.number().optional(),
      StartPeriod: z.number().optional(),
      Retries: z.number().optional(),
    })
    .nullish(),
});

export const historySchema = z.looseObject({
  created: z.string().optional(),
  created_by: z.string().optional(),
  comment: z.string().optional(),
  empty_layer: z.boolean().optional(),
});

export const imageConfigSchema = z.looseObject({
  created: z.string().optional(),
  architecture: z.string().optional(),
  os: z.string().optional(),
  variant: z.string().optional(),
  config: containerConfigSchema.nullish(),
  rootfs: z.object({ type: z.string(), diff_ids: z.array(z.string()) }).optional(),
  history: z.array(historySchema).nullish(),
});

export type ImageConfig = z.infer<typeof imageConfigSchema>;
export type ContainerConfig = z.infer<typeof containerConfigSchema>;

export function parseImageConfigJson(bytes: Buffer, where: string): ImageConfig {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new Error(`${where} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const r = imageConfigSchema.safeParse(json);
  if (!r.success)
    throw new Error(`${where} is not a valid image config: ${z.prettifyError(r.error)}`);
  return r.data;
}
