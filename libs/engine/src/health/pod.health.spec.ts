// Pod health, case by case as gitops-engine's getCorev1PodHealth tells them apart: restart policies, the
// argocd.argoproj.io/ignore-restart-policy annotation (not on hooks), init containers and image pull failures.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { assessHealth } from './health.registry';

const IGNORE = 'argocd.argoproj.io/ignore-restart-policy';

const pod = (restartPolicy: string, status: object, annotations?: Record<string, string>, apiVersion = 'v1'): KubeObject => ({
  apiVersion,
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'shop', ...(annotations ? { annotations } : {}) },
  spec: { restartPolicy, containers: [{ name: 'app', image: 'shop:1' }] },
  status,
});

const ready = { type: 'Ready', status: 'True' };
const notReady = { type: 'Ready', status: 'False' };
const waitingFor = (name: string, reason: string, message: string) => ({ name, ready: false, state: { waiting: { reason, message } } });
const running = (phase: string, extra: object = {}) => ({ phase, message: 'kubelet says so', ...extra });
const crashedBefore = { name: 'app', ready: false, lastState: { terminated: { exitCode: 1, reason: 'Error' } }, state: { running: {} } };
const pullBackOff = waitingFor('app', 'ImagePullBackOff', 'Back-off pulling image "shop:1"');

const cases: [string, KubeObject, HealthStatus][] = [
  ['pending', pod('Always', { phase: 'Pending', message: 'waiting for a node' }), { status: 'Progressing', message: 'waiting for a node' }],
  ['succeeded', pod('Never', { phase: 'Succeeded', message: 'done' }), { status: 'Healthy', message: 'done' }],
  ['failed with the pod message', pod('Never', { phase: 'Failed', message: 'Pod was evicted' }), { status: 'Degraded', message: 'Pod was evicted' }],
  [
    'failed: an init container speaks first',
    pod('Never', {
      phase: 'Failed',
      initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 3, message: 'schema missing' } } }],
      containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 1, message: 'app failed' } } }],
    }),
    { status: 'Degraded', message: 'schema missing' },
  ],
  [
    'failed: out of memory',
    pod('Never', { phase: 'Failed', containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }] }),
    { status: 'Degraded', message: 'OOMKilled' },
  ],
  [
    'failed: exit code, skipping containers that exited cleanly',
    pod('Never', {
      phase: 'Failed',
      initContainerStatuses: [{ name: 'init', state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
      containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 2, reason: 'Error' } } }],
    }),
    { status: 'Degraded', message: 'container "app" failed with exit code 2' },
  ],
  ['failed without a word', pod('Never', { phase: 'Failed' }), { status: 'Degraded' }],
  ['running and ready', pod('Always', running('Running', { conditions: [ready] })), { status: 'Healthy', message: 'kubelet says so' }],
  [
    'running, not ready, a container crashed before',
    pod('Always', running('Running', { conditions: [notReady], containerStatuses: [crashedBefore] })),
    { status: 'Degraded', message: 'kubelet says so' },
  ],
  ['running, not ready yet', pod('Always', running('Running', { conditions: [notReady] })), { status: 'Progressing', message: 'kubelet says so' }],
  ['running hook-like pod (Never)', pod('Never', running('Running', { conditions: [ready] })), { status: 'Progressing', message: 'kubelet says so' }],
  ['running hook-like pod (OnFailure)', pod('OnFailure', running('Running', { conditions: [ready] })), { status: 'Progressing', message: 'kubelet says so' }],
  [
    'image pull back-off',
    pod('Always', { phase: 'Pending', containerStatuses: [pullBackOff] }),
    { status: 'Degraded', message: 'Back-off pulling image "shop:1"' },
  ],
  [
    'every failing container, joined',
    pod('Always', {
      phase: 'Running',
      containerStatuses: [
        waitingFor('app', 'ErrImagePull', 'rpc error: not found'),
        waitingFor('sidecar', 'ContainerCreating', ''),
        waitingFor('proxy', 'CreateContainerConfigError', 'secret "tls" not found'),
        waitingFor('log', 'CrashLoopBackOff', 'back-off 5m0s restarting failed container'),
      ],
    }),
    { status: 'Degraded', message: 'rpc error: not found, secret "tls" not found, back-off 5m0s restarting failed container' },
  ],
  [
    'an init container waiting on a pull is not looked at',
    pod('Always', { phase: 'Pending', message: 'initializing', initContainerStatuses: [waitingFor('init', 'ImagePullBackOff', 'Back-off pulling image "init:1"')] }),
    { status: 'Progressing', message: 'initializing' },
  ],
  ['pull failure of a Never pod (a hook) is not Degraded', pod('Never', { phase: 'Pending', containerStatuses: [pullBackOff] }), { status: 'Progressing' }],
  [
    'ignore-restart-policy: a ready Never pod is Healthy',
    pod('Never', running('Running', { conditions: [ready] }), { [IGNORE]: 'true' }),
    { status: 'Healthy', message: 'kubelet says so' },
  ],
  [
    'ignore-restart-policy: an OnFailure pod that crashed is Degraded',
    pod('OnFailure', running('Running', { conditions: [notReady], containerStatuses: [crashedBefore] }), { [IGNORE]: 'true' }),
    { status: 'Degraded', message: 'kubelet says so' },
  ],
  [
    'ignore-restart-policy: a Never pod not ready yet is Progressing',
    pod('Never', running('Running', { conditions: [notReady] }), { [IGNORE]: 'true' }),
    { status: 'Progressing', message: 'kubelet says so' },
  ],
  [
    'ignore-restart-policy: a pull failure is Degraded',
    pod('Never', { phase: 'Pending', containerStatuses: [pullBackOff] }, { [IGNORE]: 'true' }),
    { status: 'Degraded', message: 'Back-off pulling image "shop:1"' },
  ],
  [
    'ignore-restart-policy other than "true" is ignored',
    pod('Never', running('Running', { conditions: [ready] }), { [IGNORE]: 'yes' }),
    { status: 'Progressing', message: 'kubelet says so' },
  ],
  [
    'ignore-restart-policy is not honoured on an Argo hook',
    pod('Never', running('Running', { conditions: [ready] }), { [IGNORE]: 'true', 'argocd.argoproj.io/hook': 'PreSync' }),
    { status: 'Progressing', message: 'kubelet says so' },
  ],
  [
    'ignore-restart-policy is not honoured on a Helm hook',
    pod('Never', { phase: 'Pending', containerStatuses: [pullBackOff] }, { [IGNORE]: 'true', 'helm.sh/hook': 'pre-install' }),
    { status: 'Progressing' },
  ],
  [
    'ignore-restart-policy holds on a hook: Skip manifest, which is no hook',
    pod('Never', running('Running', { conditions: [ready] }), { [IGNORE]: 'true', 'argocd.argoproj.io/hook': 'Skip' }),
    { status: 'Healthy', message: 'kubelet says so' },
  ],
  ['a phase Argo does not know', pod('Always', { phase: 'Unknown', message: 'node lost' }), { status: 'Unknown', message: 'node lost' }],
  ['no status yet', pod('Always', {}), { status: 'Unknown' }],
  ['a version Argo does not convert', pod('Always', { phase: 'Running' }, undefined, 'v2'), { status: 'Unknown', message: 'unsupported Pod GVK: /v2, Kind=Pod' }],
];

describe('Pod health', () => {
  it.each(cases)('%s', (_name, obj, expected) => {
    expect(assessHealth(obj)).toEqual(expected);
  });
});
