import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import ts from 'typescript';

/**
 * Checks JSON against @kubernetes/client-node's own models at run time: the fields and their
 * types come from each generated model's `attributeTypeMap` (what the client's ObjectSerializer
 * reads), the required fields from the model's TypeScript declaration (a property without `?`).
 * An unknown field, a missing required one or a wrongly typed value is a problem.
 */

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}
interface Model {
  getAttributeTypeMap(): Attribute[];
}

const require = createRequire(import.meta.url);
const MODELS = dirname(require.resolve('@kubernetes/client-node/dist/gen/models/V1Deployment.js'));
const requiredCache = new Map<string, Set<string>>();

function model(type: string): Model | undefined {
  const m = (k8s as unknown as Record<string, unknown>)[type];
  return m && typeof (m as Model).getAttributeTypeMap === 'function' ? (m as Model) : undefined;
}

/** The model's required properties, read from its declaration file with the TypeScript parser. */
export function requiredFields(type: string): Set<string> {
  let set = requiredCache.get(type);
  if (set) return set;
  set = new Set();
  const file = join(MODELS, `${type}.d.ts`);
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  source.forEachChild((node) => {
    if (!ts.isClassDeclaration(node) || node.name?.text !== type) return;
    for (const m of node.members) {
      if (!ts.isPropertyDeclaration(m) || m.questionToken) continue;
      if (m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const name = m.name;
      if (ts.isStringLiteral(name) || ts.isIdentifier(name)) set?.add(name.text);
    }
  });
  requiredCache.set(type, set);
  return set;
}

export interface CheckOptions {
  /** A merge patch: nothing is required, and null removes a field. */
  partial?: boolean;
}

/** Problems of `value` as the client's type `type` (`V1Deployment`, `Array<V1Pod>` …); [] when it fits. */
export function checkKube(
  value: unknown,
  type: string,
  path = '$',
  opts: CheckOptions = {},
): string[] {
  if (value === null && opts.partial) return [];
  if (value === undefined || value === null) return [`${path}: ${value} where ${type} is expected`];
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return [`${path}: not an array (${type})`];
    return value.flatMap((v, i) => checkKube(v, array[1] as string, `${path}[${i}]`, opts));
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: not a map (${type})`];
    return Object.entries(value).flatMap(([k, v]) =>
      checkKube(v, map[1] as string, `${path}.${k}`, opts),
    );
  }
  switch (type) {
    case 'string':
      return typeof value === 'string' ? [] : [`${path}: ${JSON.stringify(value)} is not a string`];
    case 'Date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value))
        ? []
        : [`${path}: ${JSON.stringify(value)} is not a date-time`];
    case 'number':
      return typeof value === 'number' ? [] : [`${path}: ${JSON.stringify(value)} is not a number`];
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [`${path}: ${JSON.stringify(value)} is not a boolean`];
    case 'IntOrString':
      return typeof value === 'number' || typeof value === 'string'
        ? []
        : [`${path}: ${JSON.stringify(value)} is not an int or string`];
    case 'any':
    case 'object':
      return [];
  }
  const m = model(type);
  if (!m) return [`${path}: the client has no model ${type}`];
  if (typeof value !== 'object' || Array.isArray(value))
    return [`${path}: not an object (${type})`];
  const attrs = new Map(m.getAttributeTypeMap().map((a) => [a.baseName, a]));
  const problems: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    // JSON has no undefined: the serializer's empty slots never reach the wire.
    if (v === undefined) continue;
    const a = attrs.get(k);
    if (!a) problems.push(`${path}.${k}: unknown field of ${type}`);
    else problems.push(...checkKube(v, a.type, `${path}.${k}`, opts));
  }
  if (!opts.partial)
    for (const name of requiredFields(type)) {
      const base = m.getAttributeTypeMap().find((a) => a.name === name)?.baseName ?? name;
      if ((value as Record<string, unknown>)[base] === undefined)
        problems.push(`${path}.${base}: required field of ${type} is missing`);
    }
  return problems;
}
