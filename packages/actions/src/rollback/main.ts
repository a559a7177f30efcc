import { runAction } from '../run-action.js';
import { rollbackAction } from './action.js';

await runAction('rollback', rollbackAction);
