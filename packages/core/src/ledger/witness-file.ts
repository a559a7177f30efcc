import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { digestProblem, type Digest } from '../oci/digest.js';
import type { WitnessedHead } from './store.js';
import type { LedgerWitness } from './witness.js';

/** Where local runs keep the witness, under the workspace (KILN_WITNESS_FILE overrides). */
export const WITNESS_FILE = join('.kiln', 'ledger-witness.json');

const fileSchema = z.object({
  version: z.literal(1),
  heads: z.record(
    z.string(),
    z.object({
      digest: z.string().refine((d) => digestProblem(d) === undefined),
      seq: z.number().int().positive(),
      at: z.string(),
    }),
  ),
});
type WitnessFileContent = z.infer<typeof fileSchema>;

/** The witness file of a workspace: KILN_WITNESS_FILE, else `<workspace>/.kiln/ledger-witness.json`. */
export function witnessFilePath(workspace: string): string {
  return process.env.KILN_WITNESS_FILE || join(workspace, WITNESS_FILE);
}

/**
 * A JSON file of each ledger's newest head, for `kiln` and local runs (on GitHub the
 * Deployments witness): outside the registry, so a registry writer cannot move it with the tag.
 */
export class FileWitness implements LedgerWitness {
  readonly label: string;

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.label = `witness file ${path}`;
  }

  async last(env: string, ledger: string): Promise<WitnessedHead | undefined> {
    const head = this.read().heads[key(env, ledger)];
    return head && { digest: head.digest as Digest, seq: head.seq, source: this.label };
  }

  async record(
    env: string,
    ledger: string,
    head: { digest: Digest; seq: number },
  ): Promise<boolean> {
    const content = this.read();
    content.heads[key(env, ledger)] = { ...head, at: this.now().toISOString() };
    mkdirSync(dirname(this.path), { recursive: true });
    // Written whole, then renamed: a reader never sees half a file.
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`);
    renameSync(tmp, this.path);
    return true;
  }

  private read(): WitnessFileContent {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, heads: {} };
      throw err;
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new Error(`${this.path} is not a Kiln witness file: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
}

const key = (env: string, ledger: string): string => `${ledger} ${env}`;
