import type { Annotation } from './types.js';
import type { Masker } from './masker.js';

/**
 * Workflow commands a step prints (`::name key=value,…::message`), read line by line as the
 * runner's ActionCommandManager does: after `::stop-commands::TOKEN` nothing is a command until
 * `::TOKEN::`; `::add-mask::` hides a value from then on; annotations are collected; the
 * disabled `set-env` and `add-path` fail the step as they do on GitHub.
 */

/** What one step's command lines did, gathered while it runs. */
export interface CommandEffects {
  outputs: Record<string, string>;
  state: Record<string, string>;
  annotations: Annotation[];
  /** messages that fail the step (disabled commands) */
  failures: string[];
}

const COMMAND = /^::([A-Za-z][A-Za-z0-9_-]*)(?: ([^]*?))?::([^]*)$/;

/** Command data: `%25`, `%0D`, `%0A` are `%`, CR and LF. */
function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

/** Property values also escape `:` and `,`. */
function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/gi, ':').replace(/%2C/gi, ','));
}

function properties(text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
  }
  return out;
}

const int = (v: string | undefined): number | undefined =>
  v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;

/** Reads one step's output lines; `line()` returns the text to print, or undefined to print nothing. */
export class CommandReader {
  readonly effects: CommandEffects = { outputs: {}, state: {}, annotations: [], failures: [] };
  private stopToken: string | undefined;

  constructor(
    private readonly masker: Masker,
    private readonly source: string,
    private readonly debug = false,
  ) {}

  /** Handles one line; returns what the log shows for it. */
  line(raw: string): string | undefined {
    const text = raw.trimStart();
    if (this.stopToken !== undefined) {
      if (text === `::${this.stopToken}::`) {
        this.stopToken = undefined;
        return undefined;
      }
      return raw;
    }
    const m = COMMAND.exec(text);
    if (!m) return raw;
    const [, name = '', props, message = ''] = m;
    const value = unescapeData(message);
    const p = properties(props);
    switch (name.toLowerCase()) {
      case 'add-mask':
        this.masker.add(value);
        return undefined;
      case 'stop-commands':
        this.stopToken = value;
        return undefined;
      case 'set-output':
      case 'save-state': {
        const key = p.name;
        if (!key) {
          this.effects.failures.push(`::${name}:: needs a name property`);
          return raw;
        }
        (name.toLowerCase() === 'set-output' ? this.effects.outputs : this.effects.state)[key] =
          value;
        this.annotate(
          'warning',
          `The \`${name}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.`,
          {},
        );
        return undefined;
      }
      case 'set-env':
      case 'add-path':
        this.effects.failures.push(
          `Unable to process command '::${name}' successfully. The \`${name}\` command is disabled.`,
        );
        return raw;
      case 'error':
      case 'warning':
      case 'notice':
        this.annotate(name.toLowerCase() as Annotation['level'], value, p);
        return `${name.toLowerCase()}: ${value}`;
      case 'debug':
        return this.debug ? `debug: ${value}` : undefined;
      case 'group':
        return `▸ ${value}`;
      case 'endgroup':
        return undefined;
      case 'echo':
        return undefined;
      default:
        // An unknown command is shown as it was printed, as the runner does.
        return raw;
    }
  }

  private annotate(level: Annotation['level'], message: string, p: Record<string, string>): void {
    const a: Annotation = { level, message: this.masker.mask(message), source: this.source };
    if (p.title) a.title = this.masker.mask(p.title);
    if (p.file) a.file = p.file;
    const line = int(p.line);
    if (line !== undefined) a.line = line;
    const col = int(p.col);
    if (col !== undefined) a.col = col;
    const endLine = int(p.endLine);
    if (endLine !== undefined) a.endLine = endLine;
    const endColumn = int(p.endColumn);
    if (endColumn !== undefined) a.endColumn = endColumn;
    this.effects.annotations.push(a);
  }
}
