import type { Application } from '@flotilla/api-types';

/** A synced, healthy guestbook with a Deployment and a Service, and the sync that produced it. */
export function guestbook(overrides: Partial<Application> = {}): Application {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'guestbook', namespace: 'argocd' },
    spec: {
      project: 'default',
      source: { repoURL: 'https://git.example.com/apps.git', path: 'guestbook', targetRevision: 'HEAD' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status: {
      sync: { status: 'Synced', revision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' },
      health: { status: 'Healthy' },
      reconciledAt: '2024-05-01T10:00:10Z',
      resources: [
        { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'default', name: 'guestbook-ui', status: 'Synced', health: { status: 'Healthy' } },
        { version: 'v1', kind: 'Service', namespace: 'default', name: 'guestbook-ui', status: 'Synced', health: { status: 'Healthy' } },
      ],
      operationState: {
        operation: { sync: { revision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' } },
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: '2024-05-01T10:00:00Z',
        finishedAt: '2024-05-01T10:00:05Z',
        syncResult: {
          revision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
          resources: [{ group: '', version: 'v1', kind: 'Service', namespace: 'default', name: 'guestbook-ui', status: 'Synced', message: 'service/guestbook-ui created', syncPhase: 'Sync' }],
        },
      },
    },
    ...overrides,
  };
}
