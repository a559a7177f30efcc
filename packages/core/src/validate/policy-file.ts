import { readFile } from 'node:fs/promises';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from 'yaml';
import { z } from 'zod';
import { ConfigurationError } from '../errors.js';
import {
  editDistance,
  MAX_YAML_ALIASES,
  nodeOffset as yamlNodeOffset,
} from '../config/yaml-source.js';
import { sha256 } from '../oci/digest.js';
import { parseByteSize } from './byte-size.js';
import { globToRegExp } from './glob.js';

/** Rule names are the policy keys, so a result always points back at the line that asked for it. */
export const RULE_NAMES = [
  'max-size',
  'max-layers',
  'required-labels',
  'revision',
  'non-root',
  'allowed-bases',
  'forbidden-paths',
  'secrets',
  'healthcheck',
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

export interface LabelRequirement {
  name: string;
  /** The label must have exactly this value. */
  equals?: string;
  /** The label must match (written `/regex/flags` in the policy). */
  matches?: RegExp;
}

/** A checked policy. Limits left out are not checked; `revision` and `secrets` default to on. */
export interface Policy {
  maxSize?: number;
  maxLayers?: number;
  requiredLabels?: LabelRequirement[];
  revision: boolean;
  nonRoot: boolean;
  allowedBases?: string[];
  forbiddenPaths?: string[];
  secrets: boolean;
  healthcheck: boolean;
  /** Where it came from: evidence names the policy by digest, annotations point at its lines. */
  source?: { file: string; sha256: string; lines: Partial<Record<RuleName, number>> };
}

export const DEFAULT_POLICY: Readonly<Policy> = {
  revision: true,
  nonRoot: false,
  secrets: true,
  healthcheck: false,
};

const bool = z.boolean({ error: 'must be true or false' });
const nonEmpty = (what: string): z.ZodString =>
  z.string({ error: `must be a ${what}` }).min(1, { error: `must be a non-empty ${what}` });
const SIZE_RULE = 'must be a number of bytes or a size such as 50MB or 1.5GiB';
const REGEX_VALUE = /^\/(.*)\/([a-z]*)$/s;

const labelValue = z
  .string({ error: 'must be a string (quote values such as "1.10"), /regex/, or empty' })
  .nullable()
  .transform((value, ctx): Omit<LabelRequirement, 'name'> => {
    if (value === null) return {};
    const m = REGEX_VALUE.exec(value);
    if (!m) return { equals: value };
    const flags = m[2] as string;
    if (/[gy]/.test(flags)) {
      ctx.addIssue({ code: 'custom', message: `regex flags g and y are not allowed: ${value}` });
      return z.NEVER;
    }
    try {
      return { matches: new RegExp(m[1] as string, flags) };
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `is not a valid regex: ${(err as Error).message}` });
      return z.NEVER;
    }
  });

const labelList = z.array(nonEmpty('label name'));
const labelMap = z.record(nonEmpty('label name'), labelValue);

/**
 * A list or a map, chosen by the value's shape rather than with z.union, so a problem inside
 * (a bad regex) is reported at its own line instead of as "matches neither form".
 */
const requiredLabels = z.unknown().transform((value, ctx) => {
  const inner = Array.isArray(value)
    ? labelList.safeParse(value)
    : value !== null && typeof value === 'object'
      ? labelMap.safeParse(value)
      : undefined;
  if (inner?.success) return inner.data;
  const issues = inner?.error.issues ?? [
    {
      path: [],
      message: 'must be a list of label names, or a map of label name to value or /regex/',
    },
  ];
  for (const issue of issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

const schema = z
  .strictObject({
    'max-size': z.union([z.number(), z.string()], { error: SIZE_RULE }).transform((v, ctx) => {
      const bytes = typeof v === 'number' ? v : parseByteSize(v);
      if (bytes === undefined || !Number.isSafeInteger(bytes) || bytes <= 0) {
        ctx.addIssue({ code: 'custom', message: `${SIZE_RULE}, got ${JSON.stringify(v)}` });
        return z.NEVER;
      }
      return bytes;
    }),
    'max-layers': z
      .number({ error: 'must be a whole number of layers' })
      .int({ error: 'must be a whole number of layers' })
      .min(1, { error: 'must be at least 1' }),
    'required-labels': requiredLabels,
    revision: bool,
    'non-root': bool,
    'allowed-bases': z
      .array(nonEmpty('image name prefix'), { error: 'must be a list of image name prefixes' })
      .min(1, { error: 'must list at least one prefix (or scratch)' }),
    'forbidden-paths': z.array(
      nonEmpty('glob').superRefine((glob, ctx) => {
        try {
          globToRegExp(glob);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: `glob ${glob}: ${(err as Error).message}` });
        }
      }),
      { error: 'must be a list of globs such as **/*.pem' },
    ),
    secrets: bool,
    healthcheck: bool,
  })
  .partial();

/** Reads and checks a policy file; a missing or unreadable file is the user's to fix. */
export async function loadPolicy(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory, not a YAML file'
          : `cannot be read (${code ?? (err as Error).message})`;
    throw new ConfigurationError(`Policy file ${JSON.stringify(path)} ${why}`, { cause: err });
  }
  return parsePolicy(text, path);
}

interface Problem {
  line: number;
  col: number;
  message: string;
}

/**
 * Parses policy YAML. Every problem is reported at once, one `file:line:col: message` per line
 * (the format editors and GitHub problem matchers understand), as a ConfigurationError.
 */
export function parsePolicy(text: string, file: string): Policy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Pick<Problem, 'line' | 'col'> =>
    offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
  const problems: Problem[] = doc.errors.map((e) => ({ ...at(e.pos[0]), message: e.message }));
  if (problems.length === 0) {
    const value = toJS(doc, file, at);
    if (doc.contents !== null && !isMap(doc.contents)) {
      problems.push({
        ...at(doc.contents.range?.[0]),
        message: 'a policy is a map of rule: setting, e.g. "max-layers: 20"',
      });
    } else {
      const r = schema.safeParse(value);
      if (r.success) return toPolicy(r.data, file, text, doc, lineCounter);
      for (const issue of r.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) {
            problems.push({
              ...at(nodeOffset(doc, [...issue.path, key], true)),
              message: unknownKeyMessage(key),
            });
          }
        } else {
          const path = issue.path.map(String);
          problems.push({
            ...at(nodeOffset(doc, issue.path, false)),
            message: `${path.join('.')}: ${issue.message}`,
          });
        }
      }
    }
  }
  problems.sort((a, b) => a.line - b.line || a.col - b.col);
  throw new ConfigurationError(
    problems.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`).join('\n'),
  );
}

/**
 * How far aliases (`*a`) may expand, as yaml counts it: a policy needs few or none, and a
 * "billion laughs" file of nested aliases would otherwise take the runner's memory. The same
 * limit as every YAML file Kiln reads.
 */
export const MAX_YAML_ALIAS_COUNT = MAX_YAML_ALIASES;

/** The document as plain data; an alias bomb or a missing anchor is the user's to fix. */
function toJS(
  doc: Document,
  file: string,
  at: (offset: number | undefined) => Pick<Problem, 'line' | 'col'>,
): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) ?? {};
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    let first: number | undefined;
    visit(doc, {
      Alias(_, node) {
        first = node.range?.[0];
        return visit.BREAK;
      },
    });
    const { line, col } = at(first);
    // yaml throws ReferenceError for both; only the message tells a bomb from a missing anchor.
    const why = /excessive alias count/i.test(err.message)
      ? `YAML aliases expand beyond the limit of ${MAX_YAML_ALIAS_COUNT} (an alias bomb); a policy needs no aliases`
      : err.message;
    throw new ConfigurationError(`${file}:${line}:${col}: ${why}`, { cause: err });
  }
}

function unknownKeyMessage(key: string): string {
  const near = RULE_NAMES.find((k) => editDistance(k, key) <= 2);
  return (
    `unknown policy key ${JSON.stringify(key)}` +
    (near ? ` (did you mean "${near}"?)` : '') +
    `; known keys: ${RULE_NAMES.join(', ')}`
  );
}

type Checked = z.infer<typeof schema>;

function toPolicy(
  c: Checked,
  file: string,
  text: string,
  doc: Document,
  lineCounter: LineCounter,
): Policy {
  const policy: Policy = {
    revision: c.revision ?? DEFAULT_POLICY.revision,
    nonRoot: c['non-root'] ?? DEFAULT_POLICY.nonRoot,
    secrets: c.secrets ?? DEFAULT_POLICY.secrets,
    healthcheck: c.healthcheck ?? DEFAULT_POLICY.healthcheck,
  };
  if (c['max-size'] !== undefined) policy.maxSize = c['max-size'];
  if (c['max-layers'] !== undefined) policy.maxLayers = c['max-layers'];
  if (c['allowed-bases']) policy.allowedBases = c['allowed-bases'];
  if (c['forbidden-paths']) policy.forbiddenPaths = c['forbidden-paths'];
  const labels = c['required-labels'];
  if (labels) {
    policy.requiredLabels = Array.isArray(labels)
      ? labels.map((name) => ({ name }))
      : Object.entries(labels).map(([name, req]) => ({ name, ...req }));
  }
  const lines: Partial<Record<RuleName, number>> = {};
  for (const rule of RULE_NAMES) {
    const offset = nodeOffset(doc, [rule], true);
    if (offset !== undefined && doc.has(rule)) lines[rule] = lineCounter.linePos(offset).line;
  }
  policy.source = { file, sha256: sha256(text), lines };
  return policy;
}

/** Offset of the YAML node at `path` (its key when `key`), or of the deepest one on the way. */
function nodeOffset(doc: Document, path: readonly PropertyKey[], key: boolean): number | undefined {
  return yamlNodeOffset({ isMap, isPair, isScalar, isSeq }, doc, path, key);
}
