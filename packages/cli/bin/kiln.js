#!/usr/bin/env node
// `kiln` in a clone (`npx kiln …`): the CLI from source through tsx, the same code as
// `npm run kiln`, with no build step and never older than the checkout. The committed bundle
// dist/cli/index.js is the same CLI for machines without the dev dependencies.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
