// The suite entry (root action.yml): `command:` picks the action; each runs exactly as its own.
import * as core from '@actions/core';
import { ConfigurationError } from '@kiln/core/errors';
import { parseChoice } from '@kiln/core/inputs';
import * as log from '@kiln/core/log';
import { runAction } from '../run-action.js';
import { unusedInputs } from './unused-inputs.js';

/** Each command's action loads with import() only when chosen: the suite starts as fast as one action. */
const COMMANDS = {
  bake: async () => (await import('../bake-image/action.js')).bakeImageAction(),
  validate: async () => (await import('../validate-image/action.js')).validateImageAction(),
  deploy: async () => (await import('../replace-fleet/action.js')).replaceFleetAction(),
  promote: async () => (await import('../promote/action.js')).promoteAction(),
  rollback: async () => (await import('../rollback/action.js')).rollbackAction(),
} as const;
/** The folder under actions/ whose action.yml declares each command's inputs. */
const ACTIONS = {
  bake: 'bake-image',
  validate: 'validate-image',
  deploy: 'replace-fleet',
  promote: 'promote',
  rollback: 'rollback',
} as const;

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
  for (const w of unusedInputs(command, ACTIONS[command], process.env)) log.warning(w);
  await COMMANDS[command]();
});
