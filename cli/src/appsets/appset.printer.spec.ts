import type { ApplicationSet } from '@flotilla/api-types';
import { formatAppSetSummary, formatAppSetTable, formatGeneratedApps } from './appset.printer';

const guestbookSet: ApplicationSet = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'guestbook', namespace: 'argocd' },
  spec: {
    generators: [{ clusters: { selector: { matchLabels: { env: 'dev' } } } }],
    template: {
      metadata: { name: '{{name}}-guestbook' },
      spec: {
        project: 'default',
        source: { repoURL: 'http://git.local/apps.git', path: 'guestbook', targetRevision: 'HEAD' },
        destination: { server: '{{server}}', namespace: 'guestbook' },
        syncPolicy: { automated: { prune: true } },
      },
    },
  },
  status: { conditions: [{ type: 'ResourcesUpToDate', status: 'True', message: 'All applications have been generated successfully', reason: 'ApplicationSetUpToDate' }] },
};

describe('appset output', () => {
  it('lists ApplicationSets with the template source', () => {
    expect(formatAppSetTable([guestbookSet])).toBe(
      [
        'NAME              PROJECT  SYNCPOLICY  CONDITIONS           REPO                       PATH       TARGET',
        'argocd/guestbook  default  nil         [ResourcesUpToDate]  http://git.local/apps.git  guestbook  HEAD',
        '',
      ].join('\n'),
    );
  });

  it('summarises one ApplicationSet with its conditions', () => {
    const out = formatAppSetSummary(guestbookSet);
    expect(out).toContain('Name:               argocd/guestbook\n');
    expect(out).toContain('Server:             {{server}}\n');
    expect(out).toContain('SyncPolicy:         Automated (Prune)\n');
    expect(out).toContain('CONDITION          STATUS  MESSAGE                                            LAST TRANSITION\n');
  });
});

describe('formatGeneratedApps', () => {
  it('prints no Applications as argocd does: the table header alone, null as JSON', () => {
    expect(formatGeneratedApps([], 'wide')).toBe('NAME  CLUSTER  NAMESPACE  PROJECT  STATUS  HEALTH  SYNCPOLICY  CONDITIONS  REPO  PATH  TARGET\n');
    expect(formatGeneratedApps([], 'json')).toBe('null\n');
  });
});
