// The thread jq-wasm runs on, so JqWasmClient can wait for it synchronously (Atomics.wait) and
// abandon an expression that runs too long by terminating this thread. Plain JavaScript: a worker
// is loaded by Node itself, whatever compiles the TypeScript around it (swc-node, Jest).
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

const port = workerData.port;
const signal = new Int32Array(workerData.signal);

// jq-wasm 1.0.1 leaves each call's argv on the 64 KiB WebAssembly stack and never pops it, so an
// instance fails after a few hundred calls: each is replaced before its share runs out.
const ARGV_BUDGET_BYTES = 16 * 1024;
const ARGV_FIXED_BYTES = 64;

let instance;
let argvBytes = 0;

async function jq() {
  if (!instance || argvBytes > ARGV_BUDGET_BYTES) {
    // Required here, so a loader that throws is reported on the port like any failed load.
    instance = await require(workerData.jqModulePath)();
    argvBytes = 0;
  }
  return instance;
}

function reply(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', async ({ id, input, filter }) => {
  try {
    const module = await jq();
    argvBytes += Buffer.byteLength(filter) + ARGV_FIXED_BYTES;
    reply({ id, output: await module.raw(input, filter, ['-c']) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // jq reports a bad filter or input on stderr; anything else means the instance aborted.
    const crashed = !message.startsWith('jq: ');
    if (crashed) instance = undefined;
    reply({ id, error: message, crashed });
  }
});

// Told twice: to loadJq's promise (the worker's own channel) and to a caller blocked on the port.
jq().then(
  () => {
    parentPort.postMessage({ ready: true });
    reply({ ready: true });
  },
  (err) => {
    const error = `jq-wasm failed to load: ${err instanceof Error ? err.message : String(err)}`;
    parentPort.postMessage({ ready: false, error });
    reply({ ready: false, error });
  },
);
