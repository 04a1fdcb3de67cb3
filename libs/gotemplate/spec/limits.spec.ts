// Execution limits: a runaway template stops quickly with a Go-shaped error that names the limit,
// holds on to none of its output, and a normal template runs as before.
import { ExecBudget, goFunc, goInt, renderTemplate, Template, type ExecLimits } from '../src';

/** Generous for a loaded two-core CI machine; each runaway below stops in milliseconds here. */
const FAST_MS = 3000;

/** Runs fn, expecting a limit error; returns it with how long the run took. */
function limitError(fn: () => unknown): { err: Error & { limit?: string; partialOutput?: string }; ms: number } {
  const started = performance.now();
  try {
    fn();
  } catch (e) {
    return { err: e as Error & { limit?: string }, ms: performance.now() - started };
  }
  throw new Error('expected the template to hit a limit, but it finished');
}

const run = (text: string, data: unknown = {}, limits?: ExecLimits) => () => renderTemplate(text, data, { limits });

describe('execution limits', () => {
  it('refuses `range until 10000000` at once, naming until and maxListLength', () => {
    const { err, ms } = limitError(run('{{ range until 10000000 }}x{{ end }}'));
    expect(err.name).toBe('TemplateLimitError');
    expect(err.limit).toBe('maxListLength');
    expect(err.message).toBe(
      'template: :1:9: executing "" at <until 10000000>: error calling until: template limit exceeded: a list of 10000000 elements is longer than 1000000 (maxListLength)',
    );
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('stops a loop that makes nothing, by its deadline or its step count', () => {
    const spin = '{{ range until 100000 }}{{ range until 100000 }}{{ end }}{{ end }}';
    const slow = limitError(run(spin, {}, { timeoutMs: 100 }));
    expect(slow.err.limit).toBe('timeoutMs');
    expect(slow.err.message).toMatch(/^template: :1:\d+: executing "" at <.*>: template limit exceeded: execution took longer than 100ms \(timeoutMs\)$/);
    expect(slow.ms).toBeLessThan(FAST_MS);
    const counted = limitError(run(spin, {}, { maxSteps: 5000 }));
    expect(counted.err.limit).toBe('maxSteps');
    expect(counted.err.message).toContain('template limit exceeded: more than 5000 steps (maxSteps)');
  });

  it('stops output at the cap as it grows, and keeps none of it', () => {
    const data = { s: 'y'.repeat(1000) };
    const { err, ms } = limitError(run('{{ range until 1000000 }}{{ $.s }}{{ end }}', data, { maxOutputBytes: 100_000 }));
    expect(err.limit).toBe('maxOutputBytes');
    expect(err.message).toBe('template: :1:28: executing "" at <{{$.s}}>: template limit exceeded: output longer than 100000 bytes (maxOutputBytes)');
    expect(err.partialOutput).toBe('');
    expect(ms).toBeLessThan(FAST_MS);
  });

  it('sizes a list before printing it, so printing a huge one allocates nothing', () => {
    // One 1 MB string referenced 100 times: cheap to hold, 100 MB to print.
    const text = '{{ $s := repeat 1000000 "x" }}{{ $l := list }}{{ range until 100 }}{{ $l = append $l $s }}{{ end }}';
    expect(limitError(run(text + '{{ $l }}', {}, { maxOutputBytes: 10_000_000 })).err.limit).toBe('maxOutputBytes');
    const json = limitError(run(text + '{{ toJson $l }}', {}, { maxValueBytes: 10_000_000 }));
    expect(json.err.message).toMatch(/at <toJson \$l>: error calling toJson: template limit exceeded: a string of \d+ bytes is longer than 10000000 \(maxValueBytes\)$/);
  });

  it('stops recursion through {{template}} with Go’s depth message', () => {
    const t = Template.parse('t', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}');
    const { err } = limitError(() => t.execute({}));
    expect(err.limit).toBe('maxDepth');
    expect(err.message).toBe('template: t:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100)');
    const counted = Template.parse('t', '{{ define "r" }}{{ if gt . 0 }}{{ template "r" (sub . 1) }}{{ end }}{{ end }}{{ template "r" . }}');
    expect(counted.execute(goInt(3), { limits: { maxDepth: 4 } })).toBe('');
    expect(limitError(() => counted.execute(goInt(5), { limits: { maxDepth: 4 } })).err.limit).toBe('maxDepth');
  });

  it('stops recursion through a function that executes a template (Helm’s include) too', () => {
    const include = goFunc((name: string, data: unknown) => set.lookup(name)!.execute(data), ['string', 'interface {}']);
    const set: Template = Template.parse('t', '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}', { funcs: { include } });
    const { err } = limitError(() => set.execute({}));
    expect(err.name).toBe('TemplateLimitError');
    expect(err.limit).toBe('maxDepth');
    expect(err.message).toMatch(/^template: t:1:\d+: executing "t" at <include "r" .>: error calling include: /);
  });

  it('refuses what one function would make before making it', () => {
    const repeat = limitError(run('{{ repeat 100000000 "x" }}'));
    expect(repeat.err.message).toBe(
      'template: :1:3: executing "" at <repeat 100000000 "x">: error calling repeat: template limit exceeded: a string of 100000000 bytes is longer than 16777216 (maxValueBytes)',
    );
    expect(repeat.ms).toBeLessThan(FAST_MS);
    const cases: [string, string][] = [
      // fmt takes widths up to about ten million written out, and up to a million from an argument.
      ['{{ printf "%9999999d%9999999d" 1 2 }}', 'printf'],
      [`{{ printf "${'%*d'.repeat(17)}" ${'1000000 1 '.repeat(17)}}}`, 'printf'],
      ['{{ seq 100000000 }}', 'seq'],
      ['{{ untilStep 0 100000000 1 }}', 'untilStep'],
      ['{{ indent 100000000 "a" }}', 'indent'],
      ['{{ nindent 2000 (repeat 10000 "\\n") }}', 'nindent'],
      ['{{ replace "x" (repeat 10000 "y") (repeat 10000 "x") }}', 'replace'],
      ['{{ randAlphaNum 100000000 }}', 'randAlphaNum'],
      ['{{ $l := list 1 }}{{ range until 30 }}{{ $l = concat $l $l }}{{ end }}', 'concat'],
    ];
    for (const [text, fn] of cases) {
      const { err, ms } = limitError(run(text));
      expect(err.message).toContain(`error calling ${fn}: template limit exceeded: `);
      expect(ms).toBeLessThan(FAST_MS);
    }
    expect(limitError(run('{{ $l := list }}{{ range until 90 }}{{ range until 3 }}{{ $l = append $l 1 }}{{ end }}{{ end }}', {}, { maxListLength: 100 })).err.message).toContain(
      'error calling append: template limit exceeded: a list of 101 elements is longer than 100 (maxListLength)',
    );
  });

  it('spends one budget across the executes it is handed to', () => {
    const t = Template.parse('t', '{{ . }}');
    const budget = new ExecBudget({ maxOutputBytes: 10 });
    expect(t.execute('123456', { budget })).toBe('123456');
    expect(limitError(() => t.execute('123456', { budget })).err.limit).toBe('maxOutputBytes');
  });

  it('leaves a normal template alone, with the defaults and with tight limits', () => {
    const text = `name: '{{ .cluster.name }}-{{ .app | lower | trunc 20 }}'
labels:{{ range $k, $v := .cluster.labels }}
  {{ $k }}: {{ $v | quote }}{{ end }}
path: {{ printf "apps/%s/%s" .app (index .cluster.labels "env") | nindent 2 }}
replicas: {{ until 3 | len }} {{ toJson .cluster.labels }}`;
    const data = { cluster: { name: 'prod', labels: { env: 'prod', region: 'eu' } }, app: 'Guest_Book' };
    const want = `name: 'prod-guest_book'
labels:
  env: "prod"
  region: "eu"
path: 
  apps/Guest_Book/prod
replicas: 3 {"env":"prod","region":"eu"}`;
    expect(renderTemplate(text, data)).toBe(want);
    const tight: ExecLimits = { timeoutMs: 1000, maxOutputBytes: want.length, maxSteps: 200, maxDepth: 1, maxValueBytes: 100, maxListLength: 3 };
    expect(renderTemplate(text, data, { limits: tight })).toBe(want);
  });
});
