import { KubeObject } from '../../store/kube-object';
import { podPrinters } from './pod.printers';

const now = Date.parse('2026-01-01T12:00:00Z');
const created = '2026-01-01T11:00:00Z';
const running = { running: { startedAt: created } };

function pod(status: Record<string, unknown>, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  const containers = (status.containerStatuses as object[] | undefined)?.map((_, i) => ({ name: `c${i}`, image: 'img' })) ?? [
    { name: 'c0', image: 'img' },
  ];
  return { metadata: { name: 'p', creationTimestamp: created, ...meta }, spec: { containers, ...spec }, status };
}

/** READY, STATUS, RESTARTS as `kubectl get pods` shows them. */
const summary = (p: KubeObject): unknown[] => podPrinters.Pod.cells(p, { now }).slice(1, 4);

describe('pod rows', () => {
  it('has kubectl get pods columns, with the wide ones at priority 1', () => {
    expect(podPrinters.Pod.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0',
      'Ready:string:0',
      'Status:string:0',
      'Restarts:string:0',
      'Age:string:0',
      'IP:string:1',
      'Node:string:1',
      'Nominated Node:string:1',
      'Readiness Gates:string:1',
    ]);
    expect(podPrinters.Pod.columns[0].format).toBe('name');
  });

  it('shows a healthy pod as Running with its age', () => {
    const cells = podPrinters.Pod.cells(
      pod({ phase: 'Running', containerStatuses: [{ name: 'c0', ready: true, restartCount: 0, state: running }] }),
      { now },
    );
    expect(cells.slice(0, 5)).toEqual(['p', '1/1', 'Running', '0', '60m']);
  });

  it.each([
    ['ContainerCreating', { waiting: { reason: 'ContainerCreating' } }, 'Pending'],
    ['ErrImagePull', { waiting: { reason: 'ErrImagePull', message: 'pull failed' } }, 'Pending'],
    ['ImagePullBackOff', { waiting: { reason: 'ImagePullBackOff' } }, 'Pending'],
    ['CrashLoopBackOff', { waiting: { reason: 'CrashLoopBackOff' } }, 'Running'],
    ['Completed', { terminated: { reason: 'Completed', exitCode: 0 } }, 'Succeeded'],
    ['Error', { terminated: { reason: 'Error', exitCode: 1 } }, 'Failed'],
    ['ExitCode:137', { terminated: { exitCode: 137 } }, 'Failed'],
    ['Signal:9', { terminated: { exitCode: 0, signal: 9 } }, 'Failed'],
  ])('prints the kubelet reason %s', (reason, state, phase) => {
    expect(summary(pod({ phase, containerStatuses: [{ name: 'c0', ready: false, restartCount: 0, state }] }))).toEqual([
      '0/1',
      reason,
      '0',
    ]);
  });

  it('falls back to the phase, or the pod-level reason such as Evicted', () => {
    expect(summary(pod({ phase: 'Pending' }, { containers: [{ name: 'a' }, { name: 'b' }] }))).toEqual(['0/2', 'Pending', '0']);
    expect(summary(pod({ phase: 'Failed', reason: 'Evicted' }))[1]).toBe('Evicted');
  });

  it('adds when the last restart happened, as kubectl shows `4 (30s ago)`', () => {
    const crashing = {
      name: 'c0',
      ready: false,
      restartCount: 4,
      state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, finishedAt: '2026-01-01T11:59:30Z' } },
    };
    expect(summary(pod({ phase: 'Running', containerStatuses: [crashing] }))).toEqual(['0/1', 'CrashLoopBackOff', '4 (30s ago)']);
    expect(summary(pod({ phase: 'Running', containerStatuses: [{ ...crashing, lastState: {} }] }))[2]).toBe('4');
  });

  it('says Terminating while a live pod is being deleted, but keeps a finished pod as Completed', () => {
    const statuses = [{ name: 'c0', ready: true, restartCount: 0, state: running }];
    expect(summary(pod({ phase: 'Running', containerStatuses: statuses }, {}, { deletionTimestamp: '2026-01-01T11:59:00Z' }))[1]).toBe(
      'Terminating',
    );
    const done = [{ name: 'c0', ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }];
    expect(summary(pod({ phase: 'Succeeded', containerStatuses: done }, {}, { deletionTimestamp: '2026-01-01T11:59:00Z' }))[1]).toBe(
      'Completed',
    );
    expect(
      summary(
        pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: statuses }, {}, { deletionTimestamp: '2026-01-01T11:59:00Z' }),
      )[1],
    ).toBe('Unknown');
  });

  it('reports init containers as Init:N/M, Init:<reason> or Init:Error', () => {
    const spec = { initContainers: [{ name: 'i0' }, { name: 'i1' }] };
    const done = { name: 'i0', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(
      summary(pod({ phase: 'Pending', initContainerStatuses: [done, { name: 'i1', restartCount: 0, state: running }] }, spec))[1],
    ).toBe('Init:1/2');
    expect(
      summary(
        pod(
          {
            phase: 'Pending',
            initContainerStatuses: [{ name: 'i0', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }],
          },
          spec,
        ),
      ),
    ).toEqual(['0/1', 'Init:CrashLoopBackOff', '2']);
    expect(
      summary(
        pod(
          {
            phase: 'Pending',
            initContainerStatuses: [{ name: 'i0', restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
          },
          spec,
        ),
      )[1],
    ).toBe('Init:Error');
    expect(
      summary(
        pod(
          { phase: 'Pending', initContainerStatuses: [{ name: 'i0', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }] },
          spec,
        ),
      )[1],
    ).toBe('Init:0/2');
  });

  it('counts a started sidecar (restartPolicy Always) as a ready container', () => {
    const spec = { initContainers: [{ name: 'proxy', restartPolicy: 'Always' }] };
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'proxy', started: true, ready: true, restartCount: 1, state: running }],
      containerStatuses: [{ name: 'c0', ready: true, restartCount: 0, state: running }],
    };
    expect(summary(pod(status, spec))).toEqual(['2/2', 'Running', '1']);
  });

  it('reads NotReady when one container completed while another runs without the Ready condition', () => {
    const statuses = [
      { name: 'c0', ready: true, restartCount: 0, state: running },
      { name: 'c1', ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
    ];
    expect(summary(pod({ phase: 'Running', containerStatuses: statuses }))[1]).toBe('NotReady');
    expect(summary(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses }))[1]).toBe(
      'Running',
    );
  });

  it('shows SchedulingGated for a pod held by scheduling gates', () => {
    expect(summary(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))[1]).toBe(
      'SchedulingGated',
    );
  });

  it('fills the wide columns: IP, node, nominated node and readiness gates', () => {
    const p = pod(
      { phase: 'Running', podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.9' }], conditions: [{ type: 'example.com/lb', status: 'True' }] },
      { nodeName: 'node-1', readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] },
    );
    expect(podPrinters.Pod.cells(p, { now }).slice(5)).toEqual(['10.0.0.9', 'node-1', '<none>', '1/2']);
    expect(podPrinters.Pod.cells(pod({ phase: 'Pending' }), { now }).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('marks finished pods with the Completed row condition kube-apiserver sends', () => {
    expect(podPrinters.Pod.conditions?.(pod({ phase: 'Succeeded' }))).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(podPrinters.Pod.conditions?.(pod({ phase: 'Running' }))).toBeUndefined();
  });
});
