import { TARGET_RULES, type CheckedEnvironment } from './config-schema.js';
import { PROVIDERS } from './kiln-config.js';
import { didYouMean, type Problem, type YamlSource } from './yaml-source.js';
import { keyPath, shown } from './issue-problems.js';

/**
 * Rules between keys, checked once every key has the right shape: a target named as its
 * provider names things, settings only for the provider in use, `requires` naming another
 * environment without a cycle.
 */
export function environmentProblems(
  envs: Readonly<Record<string, CheckedEnvironment>>,
  source: YamlSource,
): Problem[] {
  const problems: Problem[] = [];
  const at = (path: string[], rule: string, value: unknown, key = false): void => {
    problems.push({
      ...source.position(['environments', ...path], key),
      message: `${keyPath(['environments', ...path])}: ${rule}, got ${shown(value)}`,
    });
  };
  const names = Object.keys(envs);
  for (const [name, env] of Object.entries(envs)) {
    const target = TARGET_RULES[env.provider];
    if (env.target.length > target.max || !target.pattern.test(env.target))
      at([name, 'target'], target.rule, env.target);
    for (const other of PROVIDERS) {
      if (other !== env.provider && env[other] !== undefined)
        at(
          [name, other],
          `settings for provider ${other}, but this environment's provider is ${env.provider}`,
          env[other],
          true,
        );
    }
    if (env['keep-warm'] !== undefined && env.strategy === 'rolling')
      at(
        [name, 'keep-warm'],
        'applies to strategy blue-green only (strategy is rolling)',
        env['keep-warm'],
        true,
      );
    const req = env.requires;
    if (req === undefined || (Object.hasOwn(envs, req) && req !== name)) continue;
    const others = names.filter((n) => n !== name);
    at(
      [name, 'requires'],
      req === name
        ? 'must name another environment, not this one'
        : `must name another environment of this file${didYouMean(req, others)}: ${others.length > 0 ? others.join(', ') : 'there is none'}`,
      req,
    );
  }
  for (const cycle of requireCycles(envs)) {
    const [first, next] = cycle;
    at(
      [first as string, 'requires'],
      `makes a cycle ${[...cycle, first].join(' -> ')}; a digest could never enter any of them`,
      next,
    );
  }
  return problems;
}

/** Each cycle of `requires` once, starting at its member written first in the file. */
function requireCycles(envs: Readonly<Record<string, CheckedEnvironment>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const start of Object.keys(envs)) {
    if (seen.has(start)) continue;
    const chain: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && Object.hasOwn(envs, at) && !seen.has(at) && !chain.includes(at)) {
      chain.push(at);
      at = envs[at]?.requires;
    }
    const loop = at === undefined ? -1 : chain.indexOf(at);
    for (const name of chain) seen.add(name);
    // A self-reference is reported as such above.
    if (loop < 0 || chain.length - loop === 1) continue;
    // Written-first member first, so the message does not depend on where the walk began.
    const members = chain.slice(loop);
    const order = Object.keys(envs);
    const head = members.reduce((a, b) => (order.indexOf(a) <= order.indexOf(b) ? a : b));
    const i = members.indexOf(head);
    cycles.push([...members.slice(i), ...members.slice(0, i)]);
  }
  return cycles;
}
