// The public API: options, extension functions, integer data, caching, error classes.
import {
  decodeJsonWithInts, goFunc, GoInt, renderTemplate, Template, TemplateError, TemplateExecError, TemplateParseError, withGoInts,
} from '../src';

describe('@flotilla/gotemplate API', () => {
  it('prints JSON numbers as Go float64 and marked integers as ints', () => {
    expect(renderTemplate('{{.replicas}} {{.big}}', { replicas: 3, big: 1e6 })).toBe('3 1e+06');
    expect(renderTemplate('{{.big}} {{ printf "%T" .n }}', withGoInts({ big: 1000000, n: 2 }))).toBe('1000000 int');
    expect(renderTemplate('{{ .n }}', decodeJsonWithInts('{"n": 1000000}'))).toBe('1000000');
    expect(renderTemplate('{{ trunc .n "abcdef" }}', { n: new GoInt(2) })).toBe('ab');
  });

  it('throws Go messages with line:col', () => {
    const t = Template.parse('name', '{{.foo}}', { missingKey: 'error' });
    expect(() => t.execute({})).toThrow(new TemplateExecError('template: name:1:2: executing "name" at <.foo>: map has no entry for key "foo"'));
    expect(() => Template.parse('x', '{{ if }}')).toThrow(TemplateParseError);
    expect(() => Template.parse('x', '{{ .a')).toThrow('template: x:1: unclosed action');
    try {
      Template.parse('x', '{{ nope }}');
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
    }
  });

  it('takes caller functions, plain or with a Go signature', () => {
    const funcs = {
      normalize: (s: unknown) => String(s).toLowerCase().replace(/[^a-z0-9-]/g, '-'),
      twice: goFunc((s: string) => s + s, ['string']),
    };
    expect(renderTemplate('{{ normalize .n }} {{ twice "ab" }}', { n: 'My_App' }, { funcs })).toBe('my-app abab');
    expect(() => renderTemplate('{{ twice 1 }}', {}, { funcs })).toThrow('expected string; found 1');
    expect(() => renderTemplate('{{ fails }}', {}, { funcs: { fails: () => { throw new Error('nope'); } } })).toThrow(
      'template: :1:3: executing "" at <fails>: error calling fails: nope',
    );
  });

  it('keeps env and expandenv off unless enabled, and Sprig can be turned off', () => {
    expect(() => Template.parse('t', '{{ env "HOME" }}')).toThrow('function "env" not defined');
    expect(Template.parse('t', '{{ env "NO_SUCH_VAR_X" }}', { enableEnv: true }).execute({})).toBe('');
    expect(() => Template.parse('t', '{{ upper "x" }}', { sprig: false })).toThrow('function "upper" not defined');
  });

  it('supports delimiters, defined templates and lookup', () => {
    const t = Template.parse('main', '{{define "a"}}A{{.}}{{end}}[[ template "a" . ]]'.replace('{{define "a"}}A{{.}}{{end}}', '[[define "a"]]A[[.]][[end]]'), { delims: ['[[', ']]'] });
    expect(t.execute(1)).toBe('A1');
    expect(t.lookup('a')?.execute(2)).toBe('A2');
    expect(t.templates()).toEqual(['a', 'main']);
    const more = t.addParse('extra', '[[ template "a" "x" ]]!');
    expect(more.execute(null)).toBe('Ax!');
  });

  it('calls methods of class instances (struct-like data)', () => {
    class Caps {
      constructor(readonly KubeVersion: string) {}
      Has(v: string): boolean {
        return v === 'apps/v1';
      }
    }
    expect(renderTemplate('{{ .C.KubeVersion }} {{ .C.Has "apps/v1" }}', { C: new Caps('v1.30.0') })).toBe('v1.30.0 true');
  });
});
