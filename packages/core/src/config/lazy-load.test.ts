import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const HERE = join(process.cwd(), 'packages/core/src/config');

/** Modules loaded at start-up from `file`: static imports that are not type-only, transitively. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const statements = text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms);
  for (const [, typeOnly, spec] of statements) {
    if (typeOnly || spec === undefined) continue;
    if (spec.startsWith('.'))
      staticImports(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('@kiln/core/config at start-up', () => {
  it('loads neither yaml nor zod until a config is read', () => {
    const loaded = [...staticImports(join(HERE, 'index.ts'))].map((m) =>
      m.startsWith('/') ? relative(HERE, m) : m,
    );
    expect(loaded).toContain('load-config.ts');
    expect(loaded).not.toContain('yaml');
    expect(loaded).not.toContain('zod');
    expect(loaded).not.toContain('zod/mini');
    expect(loaded).not.toContain('parse-config.ts');
    expect(loaded).not.toContain('config-schema.ts');
    // The walk does see them where they are imported.
    expect(staticImports(join(HERE, 'parse-config.ts'))).toContain('zod/mini');
  });
});
