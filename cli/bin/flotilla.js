#!/usr/bin/env node
// Runs the CLI's TypeScript directly: SWC compiles each .ts file on load, and the workspace
// tsconfig's paths resolve the @flotilla/* libraries. Registered here rather than through
// @swc-node/register, which loads the TypeScript compiler (~0.3 s) on every command.
const Module = require('node:module');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: compilerOptions.target.toLowerCase(),
    baseUrl: path.resolve(root, compilerOptions.baseUrl),
    paths: compilerOptions.paths,
    transform: { legacyDecorator: compilerOptions.experimentalDecorators, decoratorMetadata: compilerOptions.emitDecoratorMetadata },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  // Source maps cost ~0.1 s per command; NODE_OPTIONS=--enable-source-maps gets TypeScript stack traces.
  sourceMaps: process.sourceMapsEnabled ? 'inline' : false,
};

// Compiled files are kept by content hash, so a warm command does not even load SWC (~0.1 s).
const cacheDir = path.join(root, 'node_modules', '.cache', 'flotilla-cli');
const swcVersion = JSON.parse(readFileSync(require.resolve('@swc/core/package.json'), 'utf8')).version;
const salt = JSON.stringify([swcVersion, swcOptions]);

function compile(source, filename) {
  const cached = path.join(cacheDir, `${createHash('sha256').update(salt).update(filename).update(source).digest('hex')}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not compiled yet.
  }
  const { code } = require('@swc/core').transformSync(source, { ...swcOptions, filename });
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a concurrent command never reads half a file.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  } catch {
    // A read-only checkout compiles every time.
  }
  return code;
}

Module._extensions['.ts'] = (module, filename) => module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);

require('../src/main.ts').main(process.argv);
