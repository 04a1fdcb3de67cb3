import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { fullNameByRepoURL, repoURLToHTTPS } from './argo-template.functions';
import type { ExecLimits } from '@flotilla/gotemplate';
import { NotificationRenderer, TemplateRenderError } from './notification.renderer';

const app = {
  metadata: { name: 'guestbook' },
  spec: { source: { repoURL: 'git@github.com:org/guestbook.git' }, destination: { server: 'https://kubernetes.default.svc' } },
  status: { sync: { status: 'Synced', revision: 'abc123' }, operationState: { phase: 'Succeeded', finishedAt: '2024-05-01T11:57:00Z' }, conditions: [] },
};

const renderer = (data: Record<string, string>) => {
  const { config } = parseNotificationsConfig(data);
  return new NotificationRenderer(config.templates, () => new Date('2024-05-01T12:00:00Z'));
};
const vars = { app, context: { argocdUrl: 'https://argocd.example.com' }, secrets: { token: 't0k' }, serviceType: 'webhook', recipient: '' };

describe('NotificationRenderer', () => {
  it("renders Argo's catalog message and a webhook body, path and method", () => {
    const r = renderer({
      'template.app-sync-succeeded': `message: |
  {{if eq .serviceType "slack"}}:white_check_mark:{{end}}Application {{.app.metadata.name}} has been successfully synced at {{.app.status.operationState.finishedAt}}.
  Sync operation details are available at: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true .
webhook:
  receiver:
    method: POST
    path: /apps/{{.app.metadata.name}}
    body: |
      {"app": "{{.app.metadata.name}}", "revision": "{{.app.status.sync.revision}}", "type": "{{.notificationType}}", "repo": "{{ call .repo.FullNameByRepoURL .app.spec.source.repoURL }}", "conditions": {{ len .app.status.conditions }}, "missing": "{{.app.status.nothing}}", "token": "{{.secrets.token}}"}
`,
    });
    expect(r.problems).toEqual([]);
    const n = r.render(['app-sync-succeeded'], vars);
    expect(n.message).toBe(
      'Application guestbook has been successfully synced at 2024-05-01T11:57:00Z.\nSync operation details are available at: https://argocd.example.com/applications/guestbook?operation=true .\n',
    );
    expect((n.parts.webhook as Record<string, unknown>).receiver).toEqual({
      method: 'POST',
      path: '/apps/guestbook',
      body: '{"app": "guestbook", "revision": "abc123", "type": "webhook", "repo": "org/guestbook", "conditions": 0, "missing": "<no value>", "token": "t0k"}\n',
    });
  });

  it('merges several templates, later ones overriding, and says which it rendered, in order', () => {
    const r = renderer({
      'template.a': 'message: first\nwebhook:\n  x:\n    body: a\n    method: POST\nslack:\n  attachments: "[{{ .app.metadata.name | quote }}]"\n  notifyBroadcast: true',
      'template.b': 'message: second\nwebhook:\n  x:\n    body: b\nemail:\n  subject: "{{ .app.metadata.name }} synced"',
    });
    expect(r.render(['a', 'b'], vars)).toEqual({
      message: 'second',
      parts: { webhook: { x: { method: 'POST', body: 'b' } }, slack: { attachments: '["guestbook"]', notifyBroadcast: true }, email: { subject: 'guestbook synced' } },
      templates: ['a', 'b'],
    });
  });

  it('reports templates that do not parse or do not exist, and execution errors, by name', () => {
    const r = renderer({ 'template.broken': 'message: "{{ .app.metadata.name "', 'template.fails': 'message: "{{ .app.metadata.name.first }}"' });
    expect(r.problems).toEqual([expect.stringMatching(/^template\.broken: template: broken\.message:1: /)]);
    expect(() => r.render(['broken'], vars)).toThrow(new TemplateRenderError('template "broken" is not defined (or failed to parse) in argocd-notifications-cm'));
    expect(() => r.render(['nope'], vars)).toThrow(/template "nope" is not defined/);
    expect(() => r.render(['fails'], vars)).toThrow(/^template "fails": template: fails\.message:1:/);
  });
});

describe('NotificationRenderer limits', () => {
  const limited = (data: Record<string, string>, limits: ExecLimits) =>
    new NotificationRenderer(parseNotificationsConfig(data).config.templates, () => new Date('2024-05-01T12:00:00Z'), limits);
  const renderError = (fn: () => unknown): { err: Error; ms: number } => {
    const started = performance.now();
    try {
      fn();
    } catch (err) {
      return { err: err as Error, ms: performance.now() - started };
    }
    throw new Error('expected the render to fail');
  };

  it('stops a template that spins, by its deadline, as a TemplateRenderError naming the limit', () => {
    const r = limited({ 'template.spin': 'message: "{{ range until 3000 }}{{ range until 3000 }}{{ end }}{{ end }}done"' }, { timeoutMs: 100 });
    const { err, ms } = renderError(() => r.render(['spin'], vars));
    expect(err).toBeInstanceOf(TemplateRenderError);
    expect(err.message).toMatch(/^template "spin": template: spin\.message:1:\d+: .*template limit exceeded: execution took longer than 100ms \(timeoutMs\)$/);
    expect(ms).toBeLessThan(3000);
  });

  it('counts the output of all the templates of one notification against one cap', () => {
    const data = { 'template.a': `message: "${'a'.repeat(600)}"`, 'template.b': `webhook:\n  x:\n    body: "${'b'.repeat(600)}"` };
    const r = limited(data, { maxOutputBytes: 1000 });
    expect(r.render(['a'], vars).message).toHaveLength(600);
    expect(renderError(() => r.render(['a', 'b'], vars)).err.message).toMatch(/^template "b": .*output longer than 1000 bytes \(maxOutputBytes\)$/);
  });
});

describe('repo functions', () => {
  it.each([
    ['git@github.com:org/guestbook.git', 'https://github.com/org/guestbook.git', 'org/guestbook'],
    ['https://user:pw@gitlab.example.com/group/sub/app', 'https://gitlab.example.com/group/sub/app', 'sub/app'],
    ['ssh://git@github.com/org/app.git', 'https://github.com/org/app.git', 'org/app'],
  ])('%s', (url, https, fullName) => {
    expect(repoURLToHTTPS(url)).toBe(https);
    expect(fullNameByRepoURL(url)).toBe(fullName);
  });
});
