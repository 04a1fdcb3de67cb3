#!/usr/bin/env node
// Runs kube-sim's TypeScript directly: SWC compiles it on load with the workspace tsconfig.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', '..', '..', 'tsconfig.base.json');
require('@swc-node/register');
require('../src/cli.ts')
  .main(process.argv)
  .catch((e) => {
    console.error(`kube-sim: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
