import { goTemplateRenderer } from './go-template.renderer';
import { TemplateError } from './template.error';
import { normalizeName, slugify } from './name.functions';

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
    ['fromYamlArray', '{{ index (fromYamlArray "[x, y]") 1 }}', 'y'],
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

  it('slugify truncates at a dash when it can', () => {
    expect(slugify(10, true, 'alpha-beta-gamma')).toBe('alpha-beta');
    expect(slugify(12, false, 'alpha-beta-gamma')).toBe('alpha-beta-g');
    expect(slugify('Hello.World')).toBe('hello-world');
  });
});
