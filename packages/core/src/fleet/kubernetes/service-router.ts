import type { Colour, TrafficRouter } from '../provider.js';
import type { KubeContext } from './context.js';
import { colourDeployment } from './spec.js';

/**
 * The Service as the fleet's traffic router: its selector's colour label is the live route,
 * and a switch is one patch of that selector. Kubernetes itself keeps the Service's endpoints
 * on the ready pods the selector matches, so there are no endpoints to set.
 */
export class ServiceRouter implements TrafficRouter {
  constructor(
    private readonly ctx: KubeContext,
    /** Where users reach the Service (an Ingress or load balancer address), when known. */
    readonly url?: string,
  ) {}

  live(): Promise<Colour | undefined> {
    return this.ctx.selectedColour();
  }

  async setEndpoints(): Promise<void> {
    // The endpoints controller follows the selector; nothing to write.
  }

  /** Waits until `count` pods of the colour are ready: the endpoints the Service would use. */
  async waitReady(colour: Colour, count: number, timeoutMs: number): Promise<void> {
    const name = colourDeployment(this.ctx.target, colour);
    const end = this.ctx.now() + timeoutMs;
    for (;;) {
      const dep = await this.ctx.deployment(name);
      const tasks = dep ? await this.ctx.tasks(dep) : [];
      const ready = tasks.filter((t) => t.health === 'healthy').length;
      if (ready >= count) return;
      if (this.ctx.now() >= end)
        throw new Error(`${name} has ${ready} of ${count} pods ready after ${timeoutMs} ms`);
      await this.ctx.sleep(this.ctx.pollMs);
    }
  }

  async switchTo(colour: Colour): Promise<void> {
    await this.ctx.selectColour(colour, undefined);
  }
}
