import { renderFastTemplate } from './fast-template.renderer';

const params = { name: 'prod', server: 'https://prod', 'metadata.labels.env': 'production', count: 3 as unknown, empty: '' };

describe('renderFastTemplate', () => {
  it.each([
    ['plain text', 'guestbook', 'guestbook'],
    ['one parameter', 'app-{{name}}', 'app-prod'],
    ['spaces inside the braces are trimmed', 'app-{{ name }}', 'app-prod'],
    ['a dotted label parameter', 'values-{{metadata.labels.env}}.yaml', 'values-production.yaml'],
    ['several parameters', '{{name}}:{{server}}', 'prod:https://prod'],
    ['an unknown parameter stays as written', '{{replicas}}-{{name}}', '{{replicas}}-prod'],
    ['an unknown parameter keeps its spaces', '{{ replicas }}', '{{ replicas }}'],
    ['a non-string parameter stays as written', 'n={{count}}', 'n={{count}}'],
    ['an empty string parameter substitutes', 'x{{empty}}y', 'xy'],
    ['empty braces stay', 'a{{}}b{{  }}', 'a{{}}b{{  }}'],
    ['an opening brace alone is not a template', 'just {{ text', 'just {{ text'],
    ['braces split over lines are not a template', '{{\nname}}', '{{\nname}}'],
    ['multi-line text with a parameter on one line', 'a: 1\nenv: "{{name}}"\n', 'a: 1\nenv: "prod"\n'],
    ['Go template syntax passes through untouched', '{{.name}}', '{{.name}}'],
  ])('%s', (_case, text, expected) => {
    expect(renderFastTemplate(text, params)).toBe(expected);
  });

  it('rejects a tag that is opened after a complete one but never closed, as fasttemplate does', () => {
    expect(() => renderFastTemplate('{{name}} and {{server', params)).toThrow(/cannot find end tag "}}"/);
  });
});
