import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessResourceHealth } from '../health/health.registry';
import { readCustomizationsDir, withLibrary } from './customizations-dir';
import { parseResourceCustomizations } from './resource-customizations';

const says = (message: string): string => `return { status = "Healthy", message = "${message}" }`;

describe('a script library in Argo CD layout', () => {
  let dir: string;
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flotilla-lib-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads group/kind and core kind directories, actions and tests', () => {
    write('example.com/Widget/health.lua', says('library'));
    write('example.com/Widget/health_test.yaml', 'tests: []');
    write('example.com/Widget/actions/discovery.lua', 'return {}');
    write('example.com/Widget/actions/restart/action.lua', 'return obj');
    write('Secret/health.lua', says('secret'));
    write('.git/HEAD', 'ref');
    const lib = readCustomizationsDir(dir);
    expect(lib.warnings).toEqual([]);
    expect(lib.kinds.map((k) => k.key)).toEqual(['Secret', 'example.com/Widget']);
    const widget = lib.kinds[1];
    expect(widget.health).toEqual({ script: says('library'), useOpenLibs: true });
    expect(widget.actions).toEqual({ discovery: 'return {}', scripts: { restart: 'return obj' } });
    expect(widget.healthTest).toBe(join(dir, 'example.com/Widget/health_test.yaml'));
  });

  it('is behind argocd-cm, exact and wildcard keys, as Argo puts its built-in scripts, and before built-in checks', () => {
    write('example.com/Widget/health.lua', says('library'));
    write('example.com/Gadget/health.lua', says('library'));
    write('other.io/Thing/health.lua', says('library'));
    write('apps/Deployment/health.lua', says('library'));
    const cm = parseResourceCustomizations({
      'resource.customizations.health.example.com_Widget': says('argocd-cm'),
      'resource.customizations.health.example.com_*': says('wildcard'),
    }).customizations;
    const customizations = withLibrary(cm, readCustomizationsDir(dir));
    const message = (apiVersion: string, kind: string) =>
      assessResourceHealth({ apiVersion, kind, metadata: { name: 'a' } }, { customizations }).health?.message;
    expect(message('example.com/v1', 'Widget')).toBe('argocd-cm');
    expect(message('example.com/v1', 'Gadget')).toBe('wildcard');
    expect(message('other.io/v1', 'Thing')).toBe('library');
    expect(message('apps/v1', 'Deployment')).toBe('library');
  });

  it('warns about a script that does not compile and about a missing directory', () => {
    write('example.com/Widget/health.lua', 'return {');
    expect(readCustomizationsDir(dir).warnings).toEqual([expect.stringContaining(`${join(dir, 'example.com/Widget/health.lua')} does not compile`)]);
    expect(readCustomizationsDir(join(dir, 'nope')).warnings).toEqual([`${join(dir, 'nope')}: not a directory, no resource customizations read from it`]);
  });
});
