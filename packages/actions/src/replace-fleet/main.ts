import { runAction } from '../run-action.js';
import { replaceFleetAction } from './action.js';

await runAction('replace-fleet', replaceFleetAction);
