// Worker-thread entries that ncc copies into a bundle as plain assets (`new Worker(new URL(…))`):
// copied as they are, their own imports resolve only where a node_modules folder happens to be,
// so on a runner the worker fails to load and the work runs on one thread. Each is bundled on
// its own (ESM: ncc's --asset-builds builds assets as CommonJS, which top-level await breaks)
// and written over the copied asset. ncc's output depends only on the sources, so it stays
// deterministic for the dist check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ncc = join(root, 'node_modules', '.bin', 'ncc');

/** Sources of worker entries, relative to the repository root. */
const WORKERS = ['packages/core/src/bake/deflate-chunk.mjs'];

/** Replaces every copied worker asset in the bundles under `outRoot` by its own bundle. */
export function bundleWorkers(outRoot) {
  for (const worker of WORKERS) {
    const name = basename(worker);
    const copies = readdirSync(outRoot)
      .map((d) => join(outRoot, d, name))
      .filter((f) => existsSync(f));
    if (copies.length === 0) continue;
    const tmp = mkdtempSync(join(tmpdir(), 'kiln-worker-'));
    try {
      execFileSync(ncc, ['build', worker, '-o', tmp, '--quiet', '--target', 'es2022'], {
        cwd: root,
        stdio: 'inherit',
      });
      // ncc names an .mjs entry's bundle index.mjs; its licences are already in each entry's
      // licenses.txt, which bundles the same module for its own thread.
      const bundled = readFileSync(join(tmp, 'index.mjs'));
      for (const f of copies) writeFileSync(f, bundled);
      process.stdout.write(`bundled ${name} for ${copies.length} bundles\n`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
