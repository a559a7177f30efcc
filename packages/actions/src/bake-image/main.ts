import { runAction } from '../run-action.js';
import { bakeImageAction } from './action.js';

await runAction('bake-image', bakeImageAction);
