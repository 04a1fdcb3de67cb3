import { goTemplateRenderer } from './go-template.renderer';
import { TemplateError } from './template.error';
import { normalizeName } from './name.functions';

const params = {
  name: 'Prod_EU',
  server: 'https://prod',
  metadata: { labels: { env: 'production' } },
  values: { x: '1' },
  list: [{ a: 1 }],
};

describe('goTemplateRenderer', () => {
  const render = goTemplateRenderer([]);

  it.each([
    ['a field', '{{.server}}', 'https://prod'],
    ['a nested label', 'values-{{.metadata.labels.env}}.yaml', 'values-production.yaml'],
    ['a missing key prints <no value> by default', '{{.metadata.labels.region}}', '<no value>'],
    ['Sprig functions', '{{ .name | lower | replace "_" "-" }}', 'prod-eu'],
    ['normalize', '{{ normalize .name }}', 'prod-eu'],
    ['slugify', '{{ slugify .name }}', 'prod-eu'],
    ['toYaml', '{{ toYaml .list }}', '- a: 1'],
    ['fromYaml', '{{ (fromYaml "a: b").a }}', 'b'],
    ['fromYamlArray', '{{ index (fromYamlArray "[x, z]") 1 }}', 'z'],
    ['conditionals', '{{ if eq .metadata.labels.env "production" }}prod{{ else }}other{{ end }}', 'prod'],
    ['text without actions', 'plain', 'plain'],
  ])('%s', (_case, text, expected) => {
    expect(render(text, params)).toBe(expected);
  });

  it('fails on a missing key with missingkey=error', () => {
    expect(() => goTemplateRenderer(['missingkey=error'])('{{.metadata.labels.region}}', params)).toThrow(
      /map has no entry for key "region"/,
    );
  });

  it('does not offer env or expandenv', () => {
    expect(() => render('{{ env "HOME" }}', params)).toThrow(/"env" not defined/);
  });

  it('stops a runaway template at its limits, quoting the template short', () => {
    const text = '{{ range until 100000 }}{{ end }}' + 'y'.repeat(5000);
    let err: unknown;
    try {
      goTemplateRenderer([], { maxSteps: 1000 })(text, params);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).limit).toBe('maxSteps');
    expect((err as TemplateError).message).toMatch(/^failed to execute go template \{\{ range until 100000 \}\}\{\{ end \}\}y+\.\.\. \(4009 more characters\): template: :1:\d+: .*template limit exceeded: more than 1000 steps \(maxSteps\)$/);
  });

  it('spends one budget across the strings one renderer renders (one Application)', () => {
    const perApplication = goTemplateRenderer([], { maxOutputBytes: 20 });
    expect(perApplication('{{ .server }}', params)).toBe('https://prod');
    expect(() => perApplication('{{ .server }}', params)).toThrow(/output longer than 20 bytes \(maxOutputBytes\)/);
    expect(goTemplateRenderer([], { maxOutputBytes: 12 })('{{ .server }}', params)).toBe('https://prod');
  });

  it('rejects options text/template does not know', () => {
    expect(() => goTemplateRenderer(['missingkey=nope'])('x', params)).toThrow(/unrecognized goTemplateOptions entry "missingkey=nope"/);
  });
});

describe('name functions', () => {
  it.each([
    ['Prod_EU', 'prod-eu'],
    ['-my.Cluster!-', 'my.cluster'],
    ['https://kubernetes.default.svc', 'https---kubernetes.default.svc'],
  ])('normalize(%j) = %j', (input, expected) => expect(normalizeName(input)).toBe(expected));

  it('slugify truncates at a dash when it can, or bluntly before cleaning up', () => {
    const render = goTemplateRenderer([]);
    expect(render('{{ slugify 10 true "alpha-beta-gamma" }}', params)).toBe('alpha-beta');
    expect(render('{{ slugify 12 false "alpha-beta-gamma" }}', params)).toBe('alpha-beta-g');
    expect(render('{{ slugify 10 false "alpha.-beta-gamma" }}', params)).toBe('alpha-bet');
    expect(render('{{ slugify "Hello.World" }}', params)).toBe('hello-world');
  });

  it('slugify takes its size as an int, as Argo asserts it', () => {
    expect(() => goTemplateRenderer([])('{{ slugify .size "x" }}', { size: 5 })).toThrow(
      /error calling slugify: interface conversion: interface \{\} is float64, not int/,
    );
  });
});

describe('YAML functions (as Argo: through JSON and go-yaml v2)', () => {
  const render = goTemplateRenderer([]);

  it('toYaml quotes what YAML 1.1 would read as something else and keeps made numbers numbers', () => {
    expect(render('{{ toYaml (dict "b" "yes" "a" (add 1 2) "c" "1.0" "d" "on") }}', params)).toBe('a: 3\nb: "yes"\nc: "1.0"\nd: "on"');
  });

  it('fromYaml reads YAML 1.1 booleans (even a key "n") and gives float64 numbers', () => {
    expect(render('{{ $m := fromYaml "a: yes\\nk: 2\\nn: 3" }}{{ $m.a }} {{ typeOf $m.k }} {{ $m.false }}', params)).toBe('true float64 3');
  });

  it('fromYaml of a list fails as encoding/json does', () => {
    expect(() => render('{{ fromYaml "- a" }}', params)).toThrow(/cannot unmarshal array into Go value of type map\[string\]interface \{\}/);
  });
});
