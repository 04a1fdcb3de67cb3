import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { missingToolWarnings } from './k8s-tools';

// npm start says, before anything else, which of helm and kubectl its services will not find.
describe('missingToolWarnings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8s-tools-'));
    for (const [folder, tool] of [
      ['a', 'helm'],
      ['b', 'kubectl'],
    ]) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, tool), '#!/bin/sh\n');
      chmodSync(join(dir, folder, tool), 0o755);
    }
    mkdirSync(join(dir, 'not-executable'));
    writeFileSync(join(dir, 'not-executable', 'helm'), '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = (...folders: string[]) => folders.map((f) => join(dir, f)).join(delimiter);

  it('is quiet when both are found along the path', () => {
    expect(missingToolWarnings(path('a', 'b'))).toEqual([]);
  });

  it('names the missing one, what fails without it and what to run', () => {
    expect(missingToolWarnings(path('b', 'not-executable'))).toEqual([
      'WARNING: helm is neither on PATH nor in .tools/bin, so Helm sources will fail to render: run `bash tools/scripts/install-k8s-tools.sh` (npm ci runs it) and start again.',
    ]);
    expect(missingToolWarnings(path('a'))).toEqual([expect.stringMatching(/^WARNING: kubectl .* Kustomize sources will fail/)]);
  });
});
