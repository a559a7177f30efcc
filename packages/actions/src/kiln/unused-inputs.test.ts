import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED, renderCommandInputs } from '../../../../scripts/command-inputs.js';
import { suiteEnv } from '../../../../test/support/suite-inputs.js';
import { unusedInputs } from './unused-inputs.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

describe('unusedInputs', () => {
  it('is silent when only the chosen action’s inputs and the defaults arrive', () => {
    expect(unusedInputs('bake', 'bake-image', suiteEnv({ command: 'bake', copy: 'a:/a' }))).toEqual(
      [],
    );
    expect(unusedInputs('validate', 'validate-image', suiteEnv({ base: 'scratch' }))).toEqual([]);
  });

  it('warns for each input of another action given a value of its own', () => {
    const env = suiteEnv({ command: 'bake', 'health-url': 'http://x/', smoke: 'false' });
    expect(unusedInputs('bake', 'bake-image', env)).toEqual([
      'Input "smoke" does not apply to command "bake" and is ignored (it is for validate-image)',
      'Input "health-url" does not apply to command "bake" and is ignored (it is for validate-image)',
    ]);
    expect(unusedInputs('validate', 'validate-image', suiteEnv({ base: 'busybox' }))).toEqual([
      'Input "base" does not apply to command "validate" and is ignored (it is for bake-image)',
    ]);
  });
});

describe(GENERATED, () => {
  it('is what scripts/command-inputs.ts makes of the action.yml files', async () => {
    expect(readFileSync(join(ROOT, GENERATED), 'utf8')).toBe(await renderCommandInputs(ROOT));
  });
});
