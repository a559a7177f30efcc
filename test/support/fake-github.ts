import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * A local fake of the GitHub REST endpoints Kiln calls. Every request body is validated against
 * the operation's requestBody schema in GitHub's published OpenAPI description
 * (`@octokit/openapi`, $refs resolved) and every response against the schema for the status
 * sent, so neither Kiln nor the fake can drift from the real API unnoticed. Anything that does
 * not match is answered as GitHub would (400/401/404/422) and recorded in `violations`, which
 * tests assert to be empty.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------- the OpenAPI description

const OPERATIONS = {
  'checks/create': { method: 'POST', path: '/repos/{owner}/{repo}/check-runs' },
  'checks/update': { method: 'PATCH', path: '/repos/{owner}/{repo}/check-runs/{check_run_id}' },
  'repos/create-deployment': { method: 'POST', path: '/repos/{owner}/{repo}/deployments' },
  'repos/create-deployment-status': {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  },
  'repos/list-deployments': { method: 'GET', path: '/repos/{owner}/{repo}/deployments' },
  'repos/list-deployment-statuses': {
    method: 'GET',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  },
} as const;
type OperationId = keyof typeof OPERATIONS;

// GitHub answers 401/403/404/500 on every endpoint but most operations do not document them;
// those bodies are checked against the generic shapes taken from operations that do.
const BASIC_ERROR_AT = ['/apps/{app_slug}', 'get', '403'] as const;
const VALIDATION_ERROR_AT = ['/repos/{owner}/{repo}/deployments', 'post', '422'] as const;

interface Operation {
  docsUrl: string;
  /** the requestBody schema; undefined for operations without a body (GET) */
  request?(): ValidateFunction;
  /** the documented query parameters, as one object schema (values coerced from strings) */
  query(): ValidateFunction;
  /** the documented schema for `status`, else GitHub's generic error shape */
  response(status: number): ValidateFunction;
}

// ajv-formats is CommonJS with `exports.default`: NodeNext types the default import as the
// module object, while Node and jest hand over module.exports, the plugin function itself.
const addFormats = ((addFormatsModule as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function at(node: Json | undefined, ...keys: string[]): Json | undefined {
  let cur = node;
  for (const k of keys) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema and ajv supports it only partly (not
 * without `type`, not with `enum`), so it is rewritten to the JSON Schema equivalent.
 */
export function fromOpenApi(node: Json): Json {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) out[k] = fromOpenApi(v);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  return out.type === undefined ? { anyOf: [out, { type: 'null' }] } : out;
}

interface Description {
  ops: Map<OperationId, Operation>;
  /** GitHub's generic error body, for paths the fake does not serve */
  basicError(): ValidateFunction;
}

async function loadDescription(): Promise<Description> {
  const file = createRequire(import.meta.url).resolve(
    '@octokit/openapi/generated/api.github.com.deref.json',
  );
  // ~70 MB: parsed once, only the schemas below are kept, the rest is garbage right away.
  const spec = JSON.parse(await readFile(file, 'utf8')) as Json;
  // strict: false since OpenAPI schemas carry keywords ajv does not know (example, x-github,
  // discriminator); formats (uri, date-time, int64) are still checked.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Query strings are text: `per_page=5` is checked as the integer the description asks for.
  const queryAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  addFormats(queryAjv);
  const schemaAt = (path: string, method: string, ...rest: string[]): Json => {
    const s = at(spec, 'paths', path, method, ...rest, 'content', 'application/json', 'schema');
    if (s === undefined) throw new Error(`no schema at ${method} ${path} ${rest.join(' ')}`);
    return fromOpenApi(s);
  };
  // Each schema is compiled the first time it is needed.
  const lazy = (schema: Json): (() => ValidateFunction) => {
    let fn: ValidateFunction | undefined;
    return () => (fn ??= ajv.compile(schema as object));
  };
  const [bp, bm, bs] = BASIC_ERROR_AT;
  const [vp, vm, vs] = VALIDATION_ERROR_AT;
  const basicError = lazy(schemaAt(bp, bm, 'responses', bs));
  const validationError = lazy(schemaAt(vp, vm, 'responses', vs));

  const ops = new Map<OperationId, Operation>();
  for (const id of Object.keys(OPERATIONS) as OperationId[]) {
    const { method, path } = OPERATIONS[id];
    const m = method.toLowerCase();
    const op = at(spec, 'paths', path, m);
    if (at(op, 'operationId') !== id) throw new Error(`OpenAPI: ${method} ${path} is not ${id}`);
    const documented = new Map<string, () => ValidateFunction>();
    const responses = at(op, 'responses');
    for (const status of isObject(responses) ? Object.keys(responses) : []) {
      if (at(responses, status, 'content', 'application/json', 'schema') === undefined) continue;
      documented.set(status, lazy(schemaAt(path, m, 'responses', status)));
    }
    const docsUrl = at(op, 'externalDocs', 'url');
    const params = at(op, 'parameters');
    const queryProps: JsonObject = {};
    for (const p of Array.isArray(params) ? params : []) {
      const name = at(p, 'name');
      const schema = at(p, 'schema');
      if (at(p, 'in') === 'query' && typeof name === 'string' && schema !== undefined) {
        // The description's `default: "none"` on filters is documentation, not a value to check.
        queryProps[name] = fromOpenApi(schema);
      }
    }
    let queryFn: ValidateFunction | undefined;
    ops.set(id, {
      docsUrl: typeof docsUrl === 'string' ? docsUrl : 'https://docs.github.com/rest',
      ...(at(op, 'requestBody') !== undefined
        ? { request: lazy(schemaAt(path, m, 'requestBody')) }
        : {}),
      query: () =>
        (queryFn ??= queryAjv.compile({
          type: 'object',
          properties: queryProps,
          additionalProperties: false,
        })),
      response: (status) =>
        (documented.get(String(status)) ?? (status === 422 ? validationError : basicError))(),
    });
  }
  return { ops, basicError };
}

let description: Promise<Description> | undefined;

function errorsText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const allowed = (e.params as { allowedValues?: unknown }).allowedValues;
      const extra = Array.isArray(allowed) ? ` (${allowed.join(', ')})` : '';
      return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
    })
    .join('; ');
}

// ---------------------------------------------------------------- state and responses

export type FakeArea = 'checks' | 'deployments';

export interface FakeGitHubOptions {
  /** answer these areas with GitHub's 403 for a token lacking the permission (fork PRs) */
  forbidden?: readonly FakeArea[];
  /** answer these areas with 500, to test that unexpected errors surface */
  broken?: readonly FakeArea[];
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
}

export interface FakeCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string | null;
  title: string | null;
  summary: string | null;
  text: string | null;
  /** all annotations received, in order, over the create and every update */
  annotations: FakeAnnotation[];
  updates: number;
}

export interface FakeDeploymentStatus {
  id: number;
  state: string;
  environment: string;
  description: string;
  targetUrl: string;
  environmentUrl?: string;
  logUrl?: string;
  /** added by GitHub itself (auto_inactive), not by a request */
  automatic?: boolean;
  createdAt: string;
}

export interface FakeDeployment {
  id: number;
  owner: string;
  repo: string;
  ref: string;
  sha: string;
  task: string;
  environment: string;
  description: string | null;
  payload: Json;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  createdAt: string;
  statuses: FakeDeploymentStatus[];
}

export interface FakeGitHub {
  /** API base URL, for `GITHUB_API_URL` / `getOctokit(token, { baseUrl })` */
  url: string;
  requests: Array<{ method: string; path: string; body: unknown; query?: Record<string, string> }>;
  /** requests or responses that do not match the OpenAPI description, and client mistakes */
  violations: string[];
  checkRuns(): FakeCheckRun[];
  deployments(): FakeDeployment[];
  stop(): Promise<void>;
}

interface Reply {
  status: number;
  body: Json;
}

// The subsets of the validated request bodies that the handlers read.
interface CheckRunBody {
  name?: string;
  head_sha?: string;
  details_url?: string;
  external_id?: string;
  status?: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: FakeAnnotation[] };
}
interface DeploymentBody {
  ref: string;
  task?: string;
  payload?: Json;
  environment?: string;
  description?: string | null;
  transient_environment?: boolean;
  production_environment?: boolean;
}
interface DeploymentStatusBody {
  state: string;
  target_url?: string;
  log_url?: string;
  description?: string;
  environment?: string;
  environment_url?: string;
  auto_inactive?: boolean;
}

/** GitHub's limit on a deployment status description (documented in the description, not the schema). */
const STATUS_DESCRIPTION_MAX = 140;

const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const nodeId = (kind: string, id: number): string => Buffer.from(`${kind}${id}`).toString('base64');

function simpleUser(login: string, id: number, type: string): JsonObject {
  // GitHub percent-encodes logins such as `github-actions[bot]` in its URLs.
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId('U_', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    site_admin: false,
  };
}

// What GITHUB_TOKEN writes are attributed to on github.com.
const ACTIONS_APP: JsonObject = {
  id: 15368,
  slug: 'github-actions',
  node_id: 'MDM6QXBwMTUzNjg=',
  owner: simpleUser('github', 9919, 'Organization'),
  name: 'GitHub Actions',
  description: 'Automate your workflow from idea to production',
  external_url: 'https://help.github.com/en/actions',
  html_url: 'https://github.com/apps/github-actions',
  created_at: '2018-07-30T09:30:17Z',
  updated_at: '2019-12-10T19:04:12Z',
  permissions: { checks: 'write', deployments: 'write', metadata: 'read', statuses: 'write' },
  events: ['check_run', 'check_suite', 'deployment', 'deployment_status'],
};
const ACTIONS_BOT = simpleUser('github-actions[bot]', 41898282, 'Bot');

// ---------------------------------------------------------------- the server

interface Route {
  op: OperationId;
  area: FakeArea;
  method: string;
  pattern: RegExp;
  /** rules GitHub enforces that the schema does not express; returns a message if broken */
  check?(body: JsonObject): string | undefined;
  /** `body` has passed the operation's requestBody schema, so handlers may narrow it;
   *  `query` has passed the documented query parameters */
  handle(params: string[], body: unknown, query: Record<string, string>): Reply;
}

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  description ??= loadDescription();
  const { ops, basicError } = await description;
  const requests: FakeGitHub['requests'] = [];
  const violations: string[] = [];
  const runs = new Map<number, FakeCheckRun>();
  const deployments = new Map<number, FakeDeployment>();
  let nextId = 1;
  let url = '';

  const notFound = (docsUrl: string): Reply => ({
    status: 404,
    body: { message: 'Not Found', documentation_url: docsUrl, status: '404' },
  });
  const repoUrl = (owner: string, repo: string): string => `${url}/repos/${owner}/${repo}`;

  const checkRunJson = (r: FakeCheckRun): JsonObject => {
    const self = `${repoUrl(r.owner, r.repo)}/check-runs/${r.id}`;
    const html = `${url}/${r.owner}/${r.repo}/runs/${r.id}`;
    return {
      id: r.id,
      node_id: nodeId('CR_', r.id),
      head_sha: r.headSha,
      name: r.name,
      url: self,
      html_url: html,
      details_url: r.detailsUrl ?? html,
      status: r.status,
      conclusion: r.conclusion,
      started_at: now(),
      completed_at: r.status === 'completed' ? now() : null,
      external_id: '',
      check_suite: { id: r.id + 1_000_000 },
      output: {
        title: r.title,
        summary: r.summary,
        text: r.text,
        annotations_count: r.annotations.length,
        annotations_url: `${self}/annotations`,
      },
      app: ACTIONS_APP,
      pull_requests: [],
    };
  };

  const applyCheckRun = (r: FakeCheckRun, b: CheckRunBody): void => {
    if (b.name !== undefined) r.name = b.name;
    if (b.details_url !== undefined) r.detailsUrl = b.details_url;
    if (b.conclusion !== undefined) r.conclusion = b.conclusion;
    // Giving a conclusion completes the run, as GitHub does.
    if (b.status !== undefined) r.status = b.status;
    else if (b.conclusion !== undefined) r.status = 'completed';
    if (b.output) {
      if (b.output.title !== undefined) r.title = b.output.title;
      if (b.output.summary !== undefined) r.summary = b.output.summary;
      if (b.output.text !== undefined) r.text = b.output.text;
      // Annotations accumulate over updates: that is how more than 50 are sent.
      r.annotations.push(...(b.output.annotations ?? []));
    }
  };

  const routes: Route[] = [
    {
      op: 'checks/create',
      area: 'checks',
      method: 'POST',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/,
      check: (b) =>
        b.status === 'completed' && b.conclusion === undefined
          ? 'conclusion is required when status is completed'
          : undefined,
      handle: ([owner = '', repo = ''], body) => {
        const b = body as CheckRunBody;
        const r: FakeCheckRun = {
          id: nextId++,
          owner,
          repo,
          name: '',
          headSha: b.head_sha ?? '',
          status: 'queued',
          conclusion: null,
          detailsUrl: null,
          title: null,
          summary: null,
          text: null,
          annotations: [],
          updates: 0,
        };
        applyCheckRun(r, b);
        runs.set(r.id, r);
        return { status: 201, body: checkRunJson(r) };
      },
    },
    {
      op: 'checks/update',
      area: 'checks',
      method: 'PATCH',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/,
      handle: ([owner, repo, id], body) => {
        const r = runs.get(Number(id));
        if (!r || r.owner !== owner || r.repo !== repo) return notFound(docs('checks/update'));
        applyCheckRun(r, body as CheckRunBody);
        r.updates++;
        return { status: 200, body: checkRunJson(r) };
      },
    },
    {
      op: 'repos/create-deployment',
      area: 'deployments',
      method: 'POST',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments$/,
      handle: ([owner = '', repo = ''], body) => {
        const b = body as DeploymentBody;
        const environment = b.environment ?? 'production';
        // The fake resolves any ref; a full SHA stands for itself.
        const sha = /^[0-9a-f]{40}$/.test(b.ref)
          ? b.ref
          : createHash('sha1').update(b.ref).digest('hex');
        const d: FakeDeployment = {
          id: nextId++,
          owner,
          repo,
          ref: b.ref,
          sha,
          task: b.task ?? 'deploy',
          environment,
          description: b.description ?? '',
          payload: b.payload ?? {},
          transientEnvironment: b.transient_environment ?? false,
          productionEnvironment: b.production_environment ?? environment === 'production',
          createdAt: now(),
          statuses: [],
        };
        deployments.set(d.id, d);
        return { status: 201, body: deploymentJson(d) };
      },
    },
    {
      op: 'repos/list-deployments',
      area: 'deployments',
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments$/,
      handle: ([owner, repo], _body, query) => {
        // Newest first, as GitHub lists them.
        const listed = [...deployments.values()]
          .filter((d) => d.owner === owner && d.repo === repo)
          .filter((d) => query.environment === undefined || d.environment === query.environment)
          .filter((d) => query.sha === undefined || d.sha === query.sha)
          .filter((d) => query.ref === undefined || d.ref === query.ref)
          .filter((d) => query.task === undefined || d.task === query.task)
          .reverse();
        return { status: 200, body: page(listed, query).map(deploymentJson) };
      },
    },
    {
      op: 'repos/list-deployment-statuses',
      area: 'deployments',
      method: 'GET',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/,
      handle: ([owner, repo, id], _body, query) => {
        const d = deployments.get(Number(id));
        if (!d || d.owner !== owner || d.repo !== repo) {
          return notFound(docs('repos/list-deployment-statuses'));
        }
        const listed = [...d.statuses].reverse();
        return { status: 200, body: page(listed, query).map((s) => statusJson(d, s)) };
      },
    },
    {
      op: 'repos/create-deployment-status',
      area: 'deployments',
      method: 'POST',
      pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/,
      check: (b) =>
        typeof b.description === 'string' && b.description.length > STATUS_DESCRIPTION_MAX
          ? `description is too long (maximum is ${STATUS_DESCRIPTION_MAX} characters)`
          : undefined,
      handle: ([owner = '', repo = '', id], body) => {
        const d = deployments.get(Number(id));
        if (!d || d.owner !== owner || d.repo !== repo) {
          return notFound(docs('repos/create-deployment-status'));
        }
        const b = body as DeploymentStatusBody;
        const s: FakeDeploymentStatus = {
          id: nextId++,
          state: b.state,
          environment: b.environment ?? d.environment,
          description: b.description ?? '',
          // GitHub answers "" when no target_url was sent, which the description's `uri`
          // format rejects: the response check then flags it, so send the run URL.
          // "Setting log_url will automatically set target_url to the same value."
          targetUrl: b.target_url ?? b.log_url ?? '',
          environmentUrl: b.environment_url,
          logUrl: b.log_url ?? b.target_url,
          createdAt: now(),
        };
        d.statuses.push(s);
        if (s.state === 'success' && b.auto_inactive !== false) autoInactive(d, s.environment);
        return { status: 201, body: statusJson(d, s) };
      },
    },
  ];

  /**
   * GitHub's documented auto_inactive (default true): a success adds an `inactive` status to
   * every prior non-transient, non-production deployment of the same repository and environment
   * whose latest state is `success`.
   */
  function autoInactive(current: FakeDeployment, environment: string): void {
    for (const d of deployments.values()) {
      if (d.id >= current.id || d.owner !== current.owner || d.repo !== current.repo) continue;
      if (d.environment !== environment || d.transientEnvironment || d.productionEnvironment) {
        continue;
      }
      const last = d.statuses.at(-1);
      if (last?.state !== 'success') continue;
      // The added status keeps the links of the one it follows.
      d.statuses.push({
        id: nextId++,
        state: 'inactive',
        environment,
        description: '',
        targetUrl: last.targetUrl,
        ...(last.logUrl !== undefined ? { logUrl: last.logUrl } : {}),
        automatic: true,
        createdAt: now(),
      });
    }
  }

  function deploymentJson(d: FakeDeployment): JsonObject {
    const self = `${repoUrl(d.owner, d.repo)}/deployments/${d.id}`;
    return {
      url: self,
      id: d.id,
      node_id: nodeId('DE_', d.id),
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.environment,
      environment: d.environment,
      description: d.description,
      creator: ACTIONS_BOT,
      created_at: d.createdAt,
      updated_at: d.statuses.at(-1)?.createdAt ?? d.createdAt,
      statuses_url: `${self}/statuses`,
      repository_url: repoUrl(d.owner, d.repo),
      transient_environment: d.transientEnvironment,
      production_environment: d.productionEnvironment,
      performed_via_github_app: ACTIONS_APP,
    };
  }

  function statusJson(d: FakeDeployment, s: FakeDeploymentStatus): JsonObject {
    const deploymentUrl = `${repoUrl(d.owner, d.repo)}/deployments/${d.id}`;
    return {
      url: `${deploymentUrl}/statuses/${s.id}`,
      id: s.id,
      node_id: nodeId('DES_', s.id),
      state: s.state,
      creator: ACTIONS_BOT,
      description: s.description,
      environment: s.environment,
      target_url: s.targetUrl,
      created_at: s.createdAt,
      updated_at: s.createdAt,
      deployment_url: deploymentUrl,
      repository_url: repoUrl(d.owner, d.repo),
      ...(s.environmentUrl !== undefined ? { environment_url: s.environmentUrl } : {}),
      ...(s.logUrl !== undefined ? { log_url: s.logUrl } : {}),
      performed_via_github_app: ACTIONS_APP,
    };
  }

  /** `per_page` (default 30, at most 100) and `page` (from 1), as GitHub pages lists. */
  function page<T>(items: T[], query: Record<string, string>): T[] {
    const size = Math.min(Number(query.per_page ?? 30), 100);
    const from = (Number(query.page ?? 1) - 1) * size;
    return items.slice(from, from + size);
  }
  function docs(op: OperationId): string {
    return ops.get(op)?.docsUrl ?? 'https://docs.github.com/rest';
  }

  /** Everything but the response check; `op` is undefined for paths the fake does not serve. */
  function respond(
    req: IncomingMessage,
    path: string,
    query: Record<string, string>,
    raw: string,
  ): { op?: OperationId; reply: Reply } {
    const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
    if (!route) {
      violations.push(`${req.method} ${path}: not an endpoint the fake serves`);
      return { reply: notFound('https://docs.github.com/rest') };
    }
    const op = route.op;
    const documentation_url = docs(op);
    const fail = (status: number, message: string): { op: OperationId; reply: Reply } => {
      // One line per violation; the body keeps GitHub's multi-line message.
      violations.push(`${op} ${path}: ${message.replace(/\s*\n+\s*/g, ' ')}`);
      return {
        op,
        reply: { status, body: { message, documentation_url, status: String(status) } },
      };
    };
    if (!req.headers.authorization) return fail(401, 'Requires authentication');
    const checkQuery = ops.get(op)?.query();
    // A copy: ajv's coercion rewrites the object it checks, the handlers read the text.
    if (checkQuery && !checkQuery({ ...query })) {
      return fail(422, `Invalid query.\n\n${errorsText(checkQuery.errors)}`);
    }
    let body: Json = {};
    const request = ops.get(op)?.request;
    if (request) {
      try {
        body = JSON.parse(raw) as Json;
      } catch {
        return fail(400, 'Problems parsing JSON');
      }
      const validate = request();
      if (!validate(body)) {
        return fail(422, `Invalid request.\n\n${errorsText(validate.errors)}`);
      }
    } else if (raw !== '') {
      return fail(400, `${req.method} takes no body`);
    }
    const rule = isObject(body) ? route.check?.(body) : 'body is not an object';
    if (rule) return fail(422, `Invalid request.\n\n${rule}`);
    const reply = (status: number, message: string): { op: OperationId; reply: Reply } => ({
      op,
      reply: { status, body: { message, documentation_url, status: String(status) } },
    });
    if (opts.forbidden?.includes(route.area)) {
      return reply(403, 'Resource not accessible by integration');
    }
    if (opts.broken?.includes(route.area)) return reply(500, 'Internal Server Error');
    const params = route.pattern.exec(path)?.slice(1) ?? [];
    return { op, reply: route.handle(params.map(decodeURIComponent), body, query) };
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const parsedUrl = new URL(req.url ?? '/', 'http://fake');
    const path = parsedUrl.pathname;
    const query = Object.fromEntries(parsedUrl.searchParams);
    let parsed: unknown = raw;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      // kept as the raw text; respond() reports it
    }
    requests.push({
      method: req.method ?? '',
      path,
      body: parsed,
      ...(parsedUrl.search ? { query } : {}),
    });
    const { op, reply } = respond(req, path, query, raw);
    // The fake's own answers are held to the description too.
    const validate = op ? ops.get(op)?.response(reply.status) : basicError();
    if (validate && !validate(reply.body)) {
      violations.push(
        `${op ?? req.method} ${path}: response ${reply.status} does not match the description: ` +
          errorsText(validate.errors),
      );
    }
    const text = JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      violations.push(`fake GitHub crashed: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    violations,
    checkRuns: () => [...runs.values()].map((r) => ({ ...r, annotations: [...r.annotations] })),
    deployments: () => [...deployments.values()].map((d) => ({ ...d, statuses: [...d.statuses] })),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
