// The suite entry (root action.yml): `command:` picks the action; each runs exactly as its own.
import * as core from '@actions/core';
import { ConfigurationError } from '@kiln/core/errors';
import { parseChoice } from '@kiln/core/inputs';
import { bakeImageAction } from '../bake-image/action.js';
import { validateImageAction } from '../validate-image/action.js';
import { runAction } from '../run-action.js';
import { unusedInputs } from './unused-inputs.js';

const COMMANDS = { bake: bakeImageAction, validate: validateImageAction } as const;
/** The folder under actions/ whose action.yml declares each command's inputs. */
const ACTIONS = { bake: 'bake-image', validate: 'validate-image' } as const;

await runAction('kiln', async () => {
  const raw = core.getInput('command');
  if (!raw)
    throw new ConfigurationError(
      `Input "command" is required: one of ${Object.keys(COMMANDS).join(', ')}`,
    );
  const command = parseChoice(
    'command',
    raw,
    Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>,
  );
  for (const w of unusedInputs(command, ACTIONS[command], process.env)) core.warning(w);
  await COMMANDS[command]();
});
