#!/usr/bin/env node
// `npm run build`. The builder's own few TypeScript files are compiled here with @swc/core alone:
// @swc-node/register would load the TypeScript compiler (~0.5 s), most of a no-op build's time.
const Module = require('node:module');
const { readFileSync } = require('node:fs');

const options = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
Module._extensions['.ts'] = (module, filename) =>
  module._compile(require('@swc/core').transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);

require('../src/main.ts').main(process.argv.slice(2));
