// The Jsonnet evaluator, run by repo-server as a child process (so a timeout kills it like any tool).
// It drives the reference C++ libjsonnet through its C API and installs its own import callback:
// every file the evaluation reads (the main file, import, importstr, importbin, from code, extVars
// or TLAs alike) is looked up here, after the parser has decoded the path, and opened only when the
// kernel's own resolution of it (realpath) lies inside the checkout. Plain JavaScript: it runs
// under Node alone, whatever compiles the TypeScript around it.
//
// stdin: {root, file, jpaths, extVars, tlas, maxFileBytes, libjsonnet, koffi} as JSON.
// stdout: the evaluated JSON; stderr and exit status 1: the Jsonnet error.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function within(root, p) {
  return p === root || p.startsWith(root + path.sep);
}

/** The file an import names, searched from the importing file's directory, then each library path (go-jsonnet's order, as Argo). */
function findImport(job, base, rel) {
  if (path.isAbsolute(rel)) throw new Error('absolute paths are not allowed; imports must stay inside the repository');
  for (const dir of [base || path.dirname(job.file), ...job.jpaths]) {
    // Joined as go-jsonnet joins (lexically), then opened where the kernel really leads.
    const candidate = path.join(dir, rel);
    if (!within(job.root, candidate)) throw new Error('path leaves the repository');
    let real;
    try {
      real = fs.realpathSync.native(candidate);
    } catch (err) {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') continue;
      if (err.code === 'ELOOP') throw new Error('symlink loop');
      throw err;
    }
    if (!within(job.root, real)) throw new Error('resolves outside the repository through a symlink');
    const stat = fs.statSync(real);
    if (!stat.isFile()) continue;
    if (stat.size > job.maxFileBytes) throw new Error(`file is ${stat.size} bytes, over the ${job.maxFileBytes} byte limit`);
    return { foundHere: candidate, content: fs.readFileSync(real) };
  }
  throw new Error('no match locally or in the Jsonnet library paths');
}

function evaluate(job) {
  const koffi = require(job.koffi);
  const lib = koffi.load(job.libjsonnet);
  koffi.opaque('JsonnetVm');
  const ImportCallback = koffi.proto('int JsonnetImportCallback(void *ctx, const char *base, const char *rel, void **found_here, void **buf, size_t *buflen)');
  const make = lib.func('JsonnetVm *jsonnet_make(void)');
  const realloc = lib.func('void *jsonnet_realloc(JsonnetVm *vm, void *buf, size_t sz)');
  const setImporter = lib.func('void jsonnet_import_callback(JsonnetVm *vm, JsonnetImportCallback *cb, void *ctx)');
  const extVar = lib.func('void jsonnet_ext_var(JsonnetVm *vm, const char *key, const char *val)');
  const extCode = lib.func('void jsonnet_ext_code(JsonnetVm *vm, const char *key, const char *val)');
  const tlaVar = lib.func('void jsonnet_tla_var(JsonnetVm *vm, const char *key, const char *val)');
  const tlaCode = lib.func('void jsonnet_tla_code(JsonnetVm *vm, const char *key, const char *val)');
  const evaluateSnippet = lib.func('void *jsonnet_evaluate_snippet(JsonnetVm *vm, const char *filename, const char *snippet, _Out_ int *error)');

  const vm = make();
  // libjsonnet frees what the callback hands it, so it must come from libjsonnet's allocator.
  const copy = (bytes) => {
    const p = realloc(vm, null, Math.max(1, bytes.length));
    if (bytes.length) koffi.encode(p, 'uint8_t', bytes, bytes.length);
    return p;
  };
  const importer = koffi.register((_ctx, base, rel, foundHere, buf, buflen) => {
    let answer;
    let status = 0;
    try {
      const found = findImport(job, base, rel);
      koffi.encode(foundHere, 'void *', copy(Buffer.from(`${found.foundHere}\0`)));
      answer = found.content;
    } catch (err) {
      answer = Buffer.from(err.message);
      status = 1;
    }
    koffi.encode(buf, 'void *', copy(answer));
    koffi.encode(buflen, 'size_t', answer.length);
    return status;
  }, koffi.pointer(ImportCallback));
  setImporter(vm, importer, null);
  for (const v of job.extVars) (v.code ? extCode : extVar)(vm, v.name, v.value);
  for (const v of job.tlas) (v.code ? tlaCode : tlaVar)(vm, v.name, v.value);

  // The main file goes through the same door as its imports.
  const main = findImport(job, path.dirname(job.file), path.basename(job.file));
  const error = [0];
  const out = evaluateSnippet(vm, job.file, main.content.toString('utf8'), error);
  const text = koffi.decode(out, 'char', -1);
  if (error[0]) {
    process.stderr.write(text);
    process.exitCode = 1;
  } else {
    process.stdout.write(text);
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  try {
    evaluate(JSON.parse(input));
  } catch (err) {
    process.stderr.write(String(err && err.message ? err.message : err));
    process.exitCode = 1;
  }
});
