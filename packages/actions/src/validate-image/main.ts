import { runAction } from '../run-action.js';
import { validateImageAction } from './action.js';

await runAction('validate-image', validateImageAction);
