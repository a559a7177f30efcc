import { runAction } from '../run-action.js';
import { promoteAction } from './action.js';

await runAction('promote', promoteAction);
