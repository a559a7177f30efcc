import { resolveCredentials } from './auth/credentials.js';
import { apiHost } from './reference.js';
import { type UploadOptions, RegistryRepository } from './registry/repository.js';
import type { Deadline, TransferLimits } from './registry/http.js';
import { RegistryTransport } from './registry/transport.js';

export interface RegistryOptions {
  /** host[:port] list allowed over plain HTTP besides loopback. */
  insecureRegistries?: string[];
  /** From `registry-username` / `registry-password`; otherwise docker's config.json is used. */
  username?: string;
  password?: string;
  /**
   * The registry the explicit credentials belong to (the action's target). Other registries,
   * e.g. a public base image's, use docker's config.json instead of receiving them.
   */
  credentialsRegistry?: string;
  /** docker config.json path (default $DOCKER_CONFIG/config.json or ~/.docker/config.json). */
  dockerConfig?: string;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  upload?: UploadOptions;
  /**
   * The time all registry traffic of this action may take (the `timeout` input), counted from
   * when the Registries is made; 0 or absent: no deadline.
   */
  timeoutMs?: number;
  /** Connect timeout and stall floor; the defaults suit real registries (see http.ts). */
  transfer?: Omit<TransferLimits, 'deadline'>;
}

/** One transport per registry host, so auth tokens and connections are shared by every repository. */
export class Registries {
  private readonly transports = new Map<string, RegistryTransport>();
  /** When the action's time for registry traffic ends. */
  readonly deadline: Deadline | undefined;

  constructor(readonly options: RegistryOptions = {}) {
    const ms = options.timeoutMs;
    this.deadline = ms ? { at: Date.now() + ms, ms } : undefined;
  }

  transport(registry: string): RegistryTransport {
    let t = this.transports.get(registry);
    if (!t) {
      const o = this.options;
      t = new RegistryTransport(apiHost(registry), {
        insecureRegistries: o.insecureRegistries,
        attempts: o.attempts,
        sleep: o.sleep,
        limits: { ...o.transfer, deadline: this.deadline },
        credentials: () => {
          const own = !o.credentialsRegistry || o.credentialsRegistry === registry;
          return resolveCredentials(registry, {
            ...(own ? { username: o.username, password: o.password } : {}),
            configPath: o.dockerConfig,
          });
        },
      });
      this.transports.set(registry, t);
    }
    return t;
  }

  repository(registry: string, repository: string): RegistryRepository {
    return new RegistryRepository(this.transport(registry), repository, this.options.upload);
  }
}
