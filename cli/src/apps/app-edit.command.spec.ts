import { editorText, parseEditedSpec, stripComments } from './app-edit.command';

describe('app edit file', () => {
  it('puts the header and the last error, as comments, above the spec, and drops old comments', () => {
    const text = editorText('# old note\nproject: default\n', 'failed to update application spec: no\nsecond line');
    expect(text).toMatch(/^# Please edit the object below\./);
    expect(text).toContain('\n# failed to update application spec: no\n# second line\nproject: default\n');
    expect(text).not.toContain('old note');
    expect(stripComments(text)).toBe('\nproject: default\n');
  });

  it('reads the edited spec, and says what is wrong with text that is not a spec', () => {
    expect(parseEditedSpec('project: default\ndestination: {namespace: a}\n')).toEqual({ project: 'default', destination: { namespace: 'a' } });
    expect(() => parseEditedSpec('a: [')).toThrow(/^error converting YAML to JSON: /);
    expect(() => parseEditedSpec('- a\n')).toThrow('error unmarshaling input into application spec: expected a map of spec fields, got a list');
  });
});
