import { ManifestError, renderDirectory, selectDirectoryFiles, SourceFile } from './directory.renderer';

const file = (path: string, content: string): SourceFile => ({ path, content: Buffer.from(content) });
const paths = ['app/a.yaml', 'app/b.json', 'app/README.md', 'app/sub/c.yml', 'app/sub/deep/d.yaml', 'other/e.yaml'].map((path) => ({ path }));

describe('directory sources', () => {
  it('selects manifests under the path, recursing only when asked, with include and exclude globs', () => {
    expect(selectDirectoryFiles(paths, 'app').map((f) => f.path)).toEqual(['app/a.yaml', 'app/b.json']);
    expect(selectDirectoryFiles(paths, './app/', { recurse: true }).map((f) => f.path)).toEqual(['app/a.yaml', 'app/b.json', 'app/sub/c.yml', 'app/sub/deep/d.yaml']);
    expect(selectDirectoryFiles(paths, 'app', { recurse: true, include: '*.yaml' }).map((f) => f.path)).toEqual(['app/a.yaml', 'app/sub/deep/d.yaml']);
    expect(selectDirectoryFiles(paths, 'app', { recurse: true, exclude: '{sub/deep/*,b.json}' }).map((f) => f.path)).toEqual(['app/a.yaml', 'app/sub/c.yml']);
  });

  it('parses multi-document YAML and JSON objects and lists, in path order', () => {
    const out = renderDirectory([
      file('app/b.json', '[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j1"}},{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j2"}}]'),
      file('app/a.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n# only a comment\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n'),
    ]);
    expect(out.map((m) => `${m.kind}/${m.metadata!.name}`)).toEqual(['Service/s', 'Deployment/d', 'ConfigMap/j1', 'ConfigMap/j2']);
  });

  it('names the file and line of a malformed manifest', () => {
    expect(() => renderDirectory([file('app/bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   broken: [\n')])).toThrow(/^app\/bad\.yaml:\d+:\d+: invalid YAML: /);
    expect(() => renderDirectory([file('app/bad.json', '{"apiVersion": "v1",')])).toThrow(/^app\/bad\.json: invalid JSON: /);
    expect(() => renderDirectory([file('app/x.yaml', 'apiVersion: v1\nkind: ConfigMap\n---\nkind: Secret\nmetadata: {name: s}\n')])).toThrow(new ManifestError('app/x.yaml:1: ConfigMap has no metadata.name'));
  });

  it('refuses a file that is not UTF-8, naming it and the byte offset of the first invalid sequence', () => {
    const cm = (value: Buffer): SourceFile => ({ path: 'app/cm.yaml', content: Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "caf'), value, Buffer.from('"\n')]) });
    const at = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "caf'.length;
    expect(renderDirectory([cm(Buffer.from('é 日本 🚀'))])[0]).toMatchObject({ data: { a: 'café 日本 🚀' } });
    const refusal = (offset = at): ManifestError => new ManifestError(`app/cm.yaml: invalid UTF-8 at byte offset ${offset} (line 5); manifests must be UTF-8`);
    expect(() => renderDirectory([cm(Buffer.from([0xe9]))])).toThrow(refusal()); // Latin-1 é
    expect(() => renderDirectory([cm(Buffer.from([0xc3, 0xa9, 0x80]))])).toThrow(refusal(at + 2)); // a stray continuation byte after a good é
    expect(() => renderDirectory([cm(Buffer.from([0xc0, 0xaf]))])).toThrow(refusal()); // overlong "/"
    expect(() => renderDirectory([cm(Buffer.from([0xed, 0xa0, 0x80]))])).toThrow(refusal()); // a UTF-16 surrogate
    expect(() => renderDirectory([cm(Buffer.from([0xf4, 0x90, 0x80, 0x80]))])).toThrow(refusal()); // past U+10FFFF
    expect(() => renderDirectory([{ path: 'app/cut.json', content: Buffer.from([0x7b, 0xe6, 0x97]) }])).toThrow(new ManifestError('app/cut.json: invalid UTF-8 at byte offset 1 (line 1); manifests must be UTF-8'));
  });
});
