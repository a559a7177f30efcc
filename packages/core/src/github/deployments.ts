import { errorMessage } from '../errors.js';
import { shortDigest } from '../fleet/converged.js';
import { info, printable, warning } from '../log.js';
import { githubClient, type Octokit } from './client.js';
import type { RunContext } from './context.js';
import { isPermissionError } from './permission.js';

/** One deploy or rollback of a digest to an environment, as GitHub's Environments page shows it. */
export interface DeploymentInput {
  environment: string;
  /** The commit the image was built from (GitHub deployments are made on a ref). */
  ref: string;
  digest: string;
  /** The digest-pinned image reference. */
  image: string;
  /** Where the environment is reached; shown as the deployment's link. */
  url?: string;
  /** Plain text; clipped to GitHub's limit. */
  description?: string;
}

/** The states Kiln sets; `inactive` retires a deployment that no longer runs. */
export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentStatusOptions {
  /** Plain text; clipped to GitHub's limit. */
  description?: string;
  /** Default: the input's `url` for in_progress and success. */
  environmentUrl?: string;
  /** Default: the run's URL. */
  logUrl?: string;
}

/** What a step does with a deployment it started. */
export interface DeploymentHandle {
  setStatus(state: DeploymentState, opts?: DeploymentStatusOptions): Promise<void>;
}

/** A deployment created on GitHub. */
export interface RecordedDeployment extends DeploymentHandle {
  id: number;
  /** The deployment's API URL. */
  url: string;
}

/**
 * What replaceFleet records deploys through: GitHub Deployments on a runner, nothing elsewhere.
 * Implementations never throw: the record is a view of the ledger, never a reason to fail a deploy.
 */
export interface DeploymentRecorder {
  start(input: DeploymentInput): Promise<DeploymentHandle>;
}

/** GitHub rejects a status description longer than this (422). */
export const STATUS_DESCRIPTION_MAX = 140;
/**
 * Recent deployments of a production environment looked at to retire the one that ran before:
 * GitHub's auto_inactive skips production environments, so Kiln does it for them.
 */
export const PRIOR_DEPLOYMENTS_SCANNED = 10;

const PERMISSION_HINT =
  'the token needs `deployments: write` (add `permissions: { deployments: write }` to the job)';

function clipped(text: string): string {
  const plain = printable(text).replace(/\s+/g, ' ').trim();
  return plain.length <= STATUS_DESCRIPTION_MAX
    ? plain
    : plain.slice(0, STATUS_DESCRIPTION_MAX - 1) + '…';
}

/**
 * Creates a deployment of `input.digest` to `input.environment` on the commit it was built from.
 * Errors are the caller's (see githubDeploymentRecorder for the policy that never fails a deploy).
 */
export async function recordDeployment(
  octokit: Octokit,
  ctx: Pick<RunContext, 'repo' | 'runUrl'>,
  input: DeploymentInput,
): Promise<RecordedDeployment> {
  if (!ctx.repo) throw new Error('GITHUB_REPOSITORY is not set: no repository to deploy in');
  const { owner, repo } = ctx.repo;
  const production = input.environment === 'production';
  const { data } = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: input.ref,
    task: 'deploy',
    // The image is already built and checked: GitHub must not merge branches or wait for checks.
    auto_merge: false,
    required_contexts: [],
    environment: input.environment,
    payload: { image: input.image, digest: input.digest },
    description: clipped(input.description ?? `Kiln deploys ${shortDigest(input.digest)}`),
    transient_environment: false,
    production_environment: production,
  });
  // 202 (a merge instead of a deployment) only happens with auto_merge, which is off.
  if (!('id' in data)) throw new Error(`GitHub created no deployment: ${data.message ?? ''}`);
  const id = data.id;

  const setStatus = async (
    state: DeploymentState,
    opts: DeploymentStatusOptions = {},
  ): Promise<void> => {
    const environmentUrl =
      opts.environmentUrl ??
      (state === 'in_progress' || state === 'success' ? input.url : undefined);
    const logUrl = opts.logUrl ?? ctx.runUrl;
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state,
      ...(opts.description !== undefined ? { description: clipped(opts.description) } : {}),
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      // log_url sets target_url too; without it GitHub answers target_url "".
      ...(logUrl ? { log_url: logUrl } : {}),
      // Only a success replaces what ran before; a failure leaves it running.
      auto_inactive: state === 'success',
    });
    if (state === 'success' && production) {
      await retirePrior(octokit, { owner, repo, runUrl: ctx.runUrl }, input, id);
    }
  };
  return { id, url: data.url, setStatus };
}

/**
 * Marks earlier successful deployments of a production environment inactive. GitHub's
 * auto_inactive covers only non-production environments (as documented), and a production
 * environment is exactly where the page must show the one deployment that runs.
 */
async function retirePrior(
  octokit: Octokit,
  { owner, repo, runUrl }: { owner: string; repo: string; runUrl?: string },
  input: DeploymentInput,
  id: number,
): Promise<void> {
  const { data: prior } = await octokit.rest.repos.listDeployments({
    owner,
    repo,
    environment: input.environment,
    per_page: PRIOR_DEPLOYMENTS_SCANNED,
  });
  // Ids grow: a deployment started after ours (a later run) is not ours to retire.
  for (const d of prior.filter((p) => p.id < id)) {
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: d.id,
      per_page: 1,
    });
    if (statuses[0]?.state !== 'success') continue;
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: d.id,
      state: 'inactive',
      description: clipped(`replaced by ${shortDigest(input.digest)}`),
      // The run that retired it.
      ...(runUrl ? { log_url: runUrl } : {}),
      auto_inactive: false,
    });
  }
}

const NO_OP: DeploymentHandle = { setStatus: async () => {} };

/**
 * GitHub Deployments for a run: undefined without a token or outside a repository (the CLI,
 * local runs). Octokit loads on the first deploy. A token without `deployments: write` is
 * warned about once and the recorder goes quiet; any other GitHub failure is a warning too.
 */
export function githubDeploymentRecorder(
  token: string | undefined,
  ctx: RunContext,
): DeploymentRecorder | undefined {
  if (!token || !ctx.repo) return undefined;
  let client: Promise<Octokit> | undefined;
  let denied = false;

  /** Runs a GitHub call; returns false when it failed (after the warning). */
  const attempt = async (what: string, call: (c: Octokit) => Promise<void>): Promise<boolean> => {
    if (denied) return false;
    try {
      client ??= githubClient(token, ctx);
      await call(await client);
      return true;
    } catch (err) {
      if (isPermissionError(err)) {
        denied = true;
        warning(`GitHub deployments are not recorded: ${errorMessage(err)}; ${PERMISSION_HINT}.`);
      } else {
        warning(`${what} failed (the deploy goes on): ${errorMessage(err)}`);
      }
      return false;
    }
  };

  return {
    async start(input) {
      const ref = input.ref || ctx.commit;
      if (!ref) {
        warning('GitHub deployment not recorded: no commit to deploy (GITHUB_SHA is not set)');
        return NO_OP;
      }
      let made: RecordedDeployment | undefined;
      const ok = await attempt(
        `Recording the GitHub deployment to ${input.environment}`,
        async (c) => {
          made = await recordDeployment(c, ctx, { ...input, ref });
        },
      );
      if (!ok || !made) return NO_OP;
      const deployment = made;
      info(`GitHub deployment ${deployment.id} to ${input.environment}: ${deployment.url}`);
      return {
        setStatus: async (state, opts) => {
          await attempt(`Setting GitHub deployment ${deployment.id} to ${state}`, () =>
            deployment.setStatus(state, opts),
          );
        },
      };
    },
  };
}
