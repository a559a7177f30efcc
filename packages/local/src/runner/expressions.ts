import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { TokenType } from '@actions/expressions/lexer';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { ConfigurationError, errorMessage } from '@kiln/core/errors';
import { multilineValue, splitTemplate } from './template-string.js';

/**
 * Expressions are evaluated by GitHub's own `@actions/expressions` (lexer, parser, evaluator and
 * built-in functions), so `format`, `contains`, `fromJSON`, comparison and coercion rules are
 * the ones a hosted runner applies. What this file adds is the runner's part: the contexts, the
 * status functions, and turning template tokens into the strings a step receives.
 */

/** The job status functions' answers where an expression is evaluated. */
export interface Status {
  success: boolean;
  failure: boolean;
  cancelled: boolean;
}

/** The contexts (`github`, `env`, `steps`, …) and status an expression sees. */
export interface Scope {
  contexts: Record<string, unknown>;
  status?: Status;
  /** where the expression is, `file:line:col`, for error messages */
  file: string;
}

/** A plain JSON-like value as expression data. */
export function toData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (Array.isArray(value)) return new data.Array(...value.map(toData));
  if (value instanceof data.Dictionary) return value;
  return new data.Dictionary(
    ...Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
      key,
      value: toData(v),
    })),
  );
}

/** Expression data back to plain JSON-like values. */
export function fromData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'] as const;

function statusFunctions(status: Status | undefined): Map<string, FunctionDefinition> {
  const answer = (name: (typeof STATUS_FUNCTIONS)[number]): boolean =>
    name === 'always' ? true : (status?.[name] ?? false);
  return new Map(
    STATUS_FUNCTIONS.map((name) => [
      name,
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(answer(name)) },
    ]),
  );
}

/** `file:line:col` of a token, for messages. */
export function where(file: string, token: TemplateToken | undefined): string {
  return token?.line ? `${file}:${token.line}:${token.col ?? 1}` : file;
}

/** Evaluates one expression (without `${{ }}`) to expression data. */
export function evaluate(expression: string, scope: Scope): data.ExpressionData {
  const functions = statusFunctions(scope.status);
  try {
    const tokens = new Lexer(expression).lex().tokens;
    // The lexer (0.3.61) unescapes only the first '' of a string literal; the runner all of them.
    for (const t of tokens)
      if (t.type === TokenType.STRING) t.value = t.lexeme.slice(1, -1).replaceAll("''", "'");
    const tree = new Parser(
      tokens,
      Object.keys(scope.contexts),
      [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
    ).parse();
    const context = new data.Dictionary(
      ...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toData(value) })),
    );
    return new Evaluator(tree, context, functions).evaluate();
  } catch (err) {
    throw new ConfigurationError(
      `${scope.file}: cannot evaluate \${{ ${expression} }}: ${errorMessage(err)}`,
      { cause: err },
    );
  }
}

/** An `if:` condition (the parser has already added the implicit `success() &&`). */
export function condition(expression: string, scope: Scope): boolean {
  return truthy(evaluate(expression, scope));
}

/**
 * A scalar as the string a step receives. A hosted runner refuses a mapping or a sequence
 * where a string is expected, so this does too (say `toJSON(…)` to pass one on).
 */
function scalarString(value: data.ExpressionData, expression: string, file: string): string {
  switch (value.kind) {
    case data.Kind.String:
    case data.Kind.Number:
      return value.coerceString();
    case data.Kind.Boolean:
      return (value as data.BooleanData).value ? 'true' : 'false';
    case data.Kind.Null:
      return '';
    default:
      throw new ConfigurationError(
        `${file}: \${{ ${expression} }} is an object or array where a string is expected (use toJSON(…))`,
      );
  }
}

/** A template token (literal or expression) evaluated to a string. */
export function evaluateString(token: TemplateToken | undefined, scope: Scope): string {
  if (token === undefined) return '';
  const at = { ...scope, file: where(scope.file, token) };
  if (isBasicExpression(token)) {
    const value = multilineValue(token);
    if (value !== undefined)
      return splitTemplate(value)
        .map((p) => ('text' in p ? p.text : evaluate(p.expression, at).coerceString()))
        .join('');
    return scalarString(evaluate(token.expression, at), token.expression, at.file);
  }
  if (isString(token)) return token.value;
  if (isNumber(token)) return new data.NumberData(token.value).coerceString();
  if (isBoolean(token)) return token.value ? 'true' : 'false';
  if (token.isLiteral) return ''; // null
  throw new ConfigurationError(`${at.file}: a ${token.typeName()} where a string is expected`);
}

/** A template token evaluated to a plain value (mappings and sequences included). */
export function evaluateValue(token: TemplateToken | undefined, scope: Scope): unknown {
  if (token === undefined) return undefined;
  const at = { ...scope, file: where(scope.file, token) };
  if (isBasicExpression(token)) return fromData(evaluate(token.expression, at));
  if (isString(token) || isNumber(token) || isBoolean(token)) return token.value;
  if (isSequence(token)) return [...token].map((t) => evaluateValue(t, scope));
  if (isMapping(token)) {
    const out: Record<string, unknown> = {};
    for (const { key, value } of token)
      out[evaluateString(key, scope)] = evaluateValue(value, scope);
    return out;
  }
  if (token.isExpression)
    throw new ConfigurationError(`${at.file}: \${{ insert }} is not supported by the local runner`);
  return null;
}

/** A mapping of strings (`env:`, `with:`, `outputs:`), each value evaluated in `scope`. */
export function evaluateMap(
  token: TemplateToken | undefined,
  scope: Scope,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (token === undefined) return out;
  const at = where(scope.file, token);
  if (isBasicExpression(token)) {
    // A whole mapping from one expression, e.g. `env: ${{ fromJSON(vars.ENV) }}`.
    const value = evaluateValue(token, scope);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new ConfigurationError(`${at}: expected a mapping`);
    for (const [k, v] of Object.entries(value)) out[k] = scalarString(toData(v), k, at);
    return out;
  }
  if (!isMapping(token)) throw new ConfigurationError(`${at}: expected a mapping`);
  for (const { key, value } of token)
    out[evaluateString(key, scope)] = evaluateString(value, scope);
  return out;
}
