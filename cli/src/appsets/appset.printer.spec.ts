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
  status: {
    conditions: [
      {
        type: 'ResourcesUpToDate',
        status: 'True',
        message: 'All applications have been generated successfully',
        reason: 'ApplicationSetUpToDate',
      },
    ],
  },
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

describe('appset get with a RollingSync', () => {
  const rolling: ApplicationSet = {
    ...guestbookSet,
    spec: {
      ...guestbookSet.spec,
      generators: [
        { clusters: { selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev', 'prod'] }] } } },
        {
          matrix: {
            generators: [
              { git: { repoURL: 'http://git.local/apps.git', revision: 'main', directories: [{ path: 'apps/*' }] } },
              { list: { elements: [{ a: 1 }] } },
            ],
          },
        },
      ],
      strategy: {
        type: 'RollingSync',
        rollingSync: {
          steps: [
            { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] },
            { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }], maxUpdate: '50%' },
          ],
        },
      },
    },
    status: {
      conditions: [
        {
          type: 'RolloutProgressing',
          status: 'True',
          reason: 'ApplicationSetModified',
          message: 'ApplicationSet Rollout stopped at step 1: Application dev-guestbook is Degraded',
        },
      ],
      applicationStatus: [
        {
          application: 'dev-guestbook',
          status: 'Progressing',
          step: '1',
          message: 'Application resource became Progressing, updating status from Pending to Progressing.',
          targetRevisions: ['0123456789abcdef'],
          lastTransitionTime: '2024-01-01T00:00:00Z',
        },
        {
          application: 'prod-guestbook',
          status: 'Waiting',
          step: '2',
          message: 'Application has pending changes, setting status to Waiting.',
          targetRevisions: ['0123456789abcdef'],
          lastTransitionTime: '2024-01-01T00:00:01Z',
        },
      ],
    },
  };

  it('shows the generators, the strategy, the conditions and an aligned row per Application of the rollout', () => {
    const out = formatAppSetSummary(rolling);
    expect(out).toContain('Generators:\n');
    expect(out).toContain('-                   clusters(selector env In [dev prod])\n');
    expect(out).toContain('-                   matrix([git(http://git.local/apps.git@main, directories apps/*); list(1 element)])\n');
    expect(out).toContain('Strategy:           RollingSync (2 steps: env In [dev]; env In [prod] maxUpdate 50%)\n');
    expect(out).toContain('RolloutProgressing  True    ApplicationSet Rollout stopped at step 1: Application dev-guestbook is Degraded');
    expect(out.slice(out.indexOf('APPLICATION'))).toBe(
      [
        'APPLICATION     STATUS       STEP  REVISIONS  LAST TRANSITION       MESSAGE',
        'dev-guestbook   Progressing  1     0123456    2024-01-01T00:00:00Z  Application resource became Progressing, updating status from Pending to Progressing.',
        'prod-guestbook  Waiting      2     0123456    2024-01-01T00:00:01Z  Application has pending changes, setting status to Waiting.',
        '',
      ].join('\n'),
    );
  });

  it('names a single generator on one line and AllAtOnce when no strategy is set', () => {
    const out = formatAppSetSummary(guestbookSet);
    expect(out).toContain('Generator:          clusters(selector env=dev)\n');
    expect(out).toContain('Strategy:           AllAtOnce\n');
    expect(out).not.toContain('APPLICATION');
  });
});

describe('formatGeneratedApps', () => {
  it('prints no Applications as argocd does: the table header alone, null as JSON', () => {
    expect(formatGeneratedApps([], 'wide')).toBe(
      'NAME  CLUSTER  NAMESPACE  PROJECT  STATUS  HEALTH  SYNCPOLICY  CONDITIONS  REPO  PATH  TARGET\n',
    );
    expect(formatGeneratedApps([], 'json')).toBe('null\n');
  });
});
