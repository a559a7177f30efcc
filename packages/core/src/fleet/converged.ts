import { digestProblem } from '../oci/digest.js';
import type { ConvergenceProof, FleetTask, NodeCount, ProofRow } from './provider.js';

/** A fleet that neither reached the requested digest nor got back to the previous one. */
export class ConvergenceError extends Error {
  override readonly name = 'ConvergenceError';
  constructor(
    message: string,
    readonly proof: ConvergenceProof,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The digest an image reference pins (`repo@sha256:…`), or undefined for a tag or junk. */
export function digestOf(image: string): string | undefined {
  const at = image.lastIndexOf('@');
  if (at < 0) return undefined;
  const digest = image.slice(at + 1);
  return digestProblem(digest) ? undefined : digest;
}

/** An EC2 machine image id: as immutable as a digest (an AMI can be deregistered, never changed). */
export const AMI_ID = /^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

/** What an instance runs, by an immutable id: the digest its reference pins, or an AMI id. */
export function pinnedIdOf(image: string): string | undefined {
  return AMI_ID.test(image) ? image : digestOf(image);
}

/**
 * A revision every instance must be on besides the digest, for engines where the same digest
 * can run from specs that differ otherwise (an Auto Scaling group's launch template versions).
 */
export interface RevisionRequirement {
  /** The revision asked for (`7`). */
  want: string;
  /** What a revision is called in the reasons (`launch template version`). */
  noun: string;
}

/**
 * The registry digest in a runtime's image id: `repo@sha256:…` (containerd, CRI-O) or
 * `docker-pullable://repo@sha256:…` (dockershim). A bare `sha256:…` or `docker://sha256:…`
 * is a local image id (the config's digest), not what a registry serves: undefined.
 */
export function runtimeDigest(imageId: string): string | undefined {
  return imageId.includes('@') ? digestOf(imageId) : undefined;
}

/** Short form for log lines; the proof's `digest` field keeps the full one. */
export function shortDigest(digest: string): string {
  return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}

/**
 * The N/N proof, the same for every provider: every instance the engine wants running runs
 * `digest` (by the digest its image reference pins, or its AMI id; never a tag), is on the
 * `revision` when one is asked for, and is healthy, and there are exactly `replicas` of them.
 * Extra instances (an old one still draining) keep it from converging.
 */
export function proveConvergence(
  tasks: readonly FleetTask[],
  digest: string,
  replicas: number,
  revision?: RevisionRequirement,
): ConvergenceProof {
  const rows: ProofRow[] = tasks.map((t) => {
    const runs = t.imageId !== undefined ? runtimeDigest(t.imageId) : pinnedIdOf(t.image);
    const why =
      runs === undefined
        ? t.imageId !== undefined
          ? t.imageId
            ? `its runtime reports ${t.imageId}, which names no registry digest`
            : 'its runtime reports no image yet'
          : `its image ${t.image} is not pinned by digest`
        : runs !== digest
          ? `it runs ${shortDigest(runs)}`
          : revision && t.revision !== revision.want
            ? `it is on ${revision.noun} ${t.revision ?? '(unknown)'}, not ${revision.want}`
            : t.state !== 'running'
              ? `it is ${t.state}${t.error ? ` (${t.error})` : ''}`
              : t.health !== 'healthy'
                ? t.health === 'none'
                  ? 'it has no health check'
                  : `its health is ${t.health}`
                : undefined;
    return {
      task: t.id,
      node: t.node,
      image: t.image,
      ...(runs ? { digest: runs } : {}),
      state: t.state,
      health: t.health,
      ...(revision && t.revision !== undefined ? { revision: t.revision } : {}),
      ok: why === undefined,
      ...(why ? { why } : {}),
    };
  });
  const healthy = rows.filter((r) => r.ok).length;
  const problems = rows.filter((r) => !r.ok).map((r) => `task ${r.task.slice(0, 12)}: ${r.why}`);
  if (rows.length < replicas)
    problems.push(`${rows.length} of ${replicas} instances are wanted running`);
  return {
    converged: healthy === replicas && rows.length === replicas,
    digest,
    replicas,
    healthy,
    running: rows.length,
    tasks: rows,
    nodes: countPerNode(rows),
    summary: `${healthy}/${replicas} healthy on ${digest}${rows.length > replicas ? ` (${rows.length - healthy} other instances still running)` : ''}`,
    problems,
  };
}

/** Healthy and wanted instances per node, in node order. */
function countPerNode(rows: readonly ProofRow[]): NodeCount[] {
  const by = new Map<string, NodeCount>();
  for (const r of rows) {
    const c = by.get(r.node) ?? { node: r.node, healthy: 0, running: 0 };
    c.running++;
    if (r.ok) c.healthy++;
    by.set(r.node, c);
  }
  return [...by.values()].sort((a, b) => a.node.localeCompare(b.node));
}

/** `per node: abc123def456 2/2, …` for a fleet on more than one node; empty on one node. */
export function perNodeLine(proof: ConvergenceProof): string {
  if (proof.nodes.length < 2) return '';
  return `per node: ${proof.nodes.map((n) => `${n.node.slice(0, 12) || '(unassigned)'} ${n.healthy}/${n.running}`).join(', ')}`;
}
