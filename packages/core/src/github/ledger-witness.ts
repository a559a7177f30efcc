import type { WitnessedHead } from '../ledger/store.js';
import type { LedgerWitness } from '../ledger/witness.js';
import { FileWitness, witnessFilePath } from '../ledger/witness-file.js';
import type { Digest } from '../oci/digest.js';
import { githubClient, type Octokit } from './client.js';
import type { RunContext } from './context.js';

/** Deployments of an environment searched (newest first) for the last witnessed head. */
export const WITNESS_DEPLOYMENTS_SCANNED = 10;
/** Statuses of one deployment read, newest first. */
const STATUSES_READ = 20;

/** How a witness status describes the head: one line, within GitHub's 140 characters. */
export const witnessDescription = (head: { digest: Digest; seq: number }): string =>
  `kiln ledger head #${head.seq} ${head.digest}`;
const WITNESS_LINE = /^kiln ledger head #(\d+) (sha256:[0-9a-f]{64})$/;

/**
 * The environment's GitHub Deployments as the ledger's witness: after a run appends, a status
 * on the environment's newest deployment says the head (same state as the status before it, so
 * the Environments page shows the same); before acting, the newest such status is the anchor.
 * Only the workflow's token writes them, never a registry writer.
 */
export function githubLedgerWitness(
  token: string | undefined,
  ctx: Pick<RunContext, 'repo' | 'apiUrl' | 'runUrl'>,
): LedgerWitness | undefined {
  const repo = ctx.repo;
  if (!token || !repo) return undefined;
  let client: Promise<Octokit> | undefined;
  const octokit = (): Promise<Octokit> => (client ??= githubClient(token, ctx));
  const label = `GitHub Deployments of ${repo.owner}/${repo.repo}`;
  const newest = async (env: string) =>
    (
      await (
        await octokit()
      ).rest.repos.listDeployments({
        ...repo,
        environment: env,
        per_page: WITNESS_DEPLOYMENTS_SCANNED,
      })
    ).data;
  const statuses = async (id: number) =>
    (
      await (
        await octokit()
      ).rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id, per_page: STATUSES_READ })
    ).data;

  return {
    label,
    async last(env): Promise<WitnessedHead | undefined> {
      for (const d of await newest(env)) {
        for (const s of await statuses(d.id)) {
          const m = WITNESS_LINE.exec(s.description ?? '');
          if (m) return { seq: Number(m[1]), digest: m[2] as Digest, source: label };
        }
      }
      return undefined;
    },
    async record(env, _ledger, head): Promise<boolean> {
      const [deployment] = await newest(env);
      if (!deployment) return false;
      const [latest] = await statuses(deployment.id);
      await (
        await octokit()
      ).rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: deployment.id,
        state: latest?.state ?? 'success',
        description: witnessDescription(head),
        ...(latest?.environment_url ? { environment_url: latest.environment_url } : {}),
        ...(ctx.runUrl ? { log_url: ctx.runUrl } : {}),
        // It restates the deployment's state: it must not retire other deployments.
        auto_inactive: false,
      });
      return true;
    },
  };
}

/**
 * The witness of a run: the repository's GitHub Deployments when the run has a token and a
 * repository (a runner's job), else the workspace's witness file (`kiln`, local runs).
 */
export function ledgerWitnessFor(
  token: string | undefined,
  ctx: Pick<RunContext, 'repo' | 'apiUrl' | 'runUrl'>,
  workspace: string,
): LedgerWitness {
  return githubLedgerWitness(token, ctx) ?? new FileWitness(witnessFilePath(workspace));
}
