import type { Application, Operation, OperationState } from '@flotilla/api-types';
import { childStep, FORWARDED_INFO, forwardedOperation, parentOperationState } from './operation-forwarding.policy';

const STARTED = '2026-01-01T00:00:00.000Z';
const NOW = '2026-01-01T00:01:00.000Z';
const operation: Operation = { sync: { revision: 'abc', prune: true }, initiatedBy: { username: 'admin' } };
const running: OperationState = { operation, phase: 'Running', message: 'sync passed to 2 destinations', startedAt: STARTED };
const passedOn = forwardedOperation('web', running);

const child = (extra: Partial<Application> = {}): Application => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'web-dev', namespace: 'argocd' },
  spec: { project: 'default', destination: { server: 'https://dev', namespace: 'web' } },
  ...extra,
});
const runOf = (op: Operation, phase: OperationState['phase'], message?: string): Application['status'] => ({ operationState: { operation: op, phase, startedAt: NOW, ...(message ? { message } : {}) } });

describe('forwardedOperation', () => {
  it("is the parent's operation, marked with the parent and when its sync started", () => {
    expect(passedOn).toEqual({ ...operation, info: [{ name: FORWARDED_INFO, value: `web (sync started ${STARTED})` }] });
  });
});

describe('childStep', () => {
  it('passes the operation on to a free child', () => {
    expect(childStep('web', running, child(), undefined)).toEqual({ action: 'forward' });
  });

  it('waits for a child busy with its own operation, or not created yet', () => {
    expect(childStep('web', running, child({ operation: { sync: {}, initiatedBy: { automated: true } } }), undefined)).toEqual({ action: 'wait', reason: 'is running an operation of its own' });
    expect(childStep('web', running, undefined, undefined)).toEqual({ action: 'wait', reason: 'has no Application yet' });
  });

  it("follows the child's run of the operation, and not its other runs", () => {
    expect(childStep('web', running, child({ operation: passedOn }), { phase: 'Running' })).toEqual({ action: 'track', state: { phase: 'Running', message: 'waiting to start' } });
    expect(childStep('web', running, child({ operation: passedOn, status: runOf(passedOn, 'Running', 'waiting for healthy state of apps/Deployment/web') }), { phase: 'Running' })).toEqual({
      action: 'track',
      state: { phase: 'Running', message: 'waiting for healthy state of apps/Deployment/web' },
    });
    expect(childStep('web', running, child({ status: runOf(passedOn, 'Failed', 'one or more objects failed to apply') }), { phase: 'Running' })).toEqual({
      action: 'track',
      state: { phase: 'Failed', message: 'one or more objects failed to apply' },
    });
    // An older sync of the parent is not this one.
    const older = forwardedOperation('web', { ...running, startedAt: '2025-12-31T00:00:00.000Z' });
    expect(childStep('web', running, child({ status: runOf(older, 'Succeeded') }), undefined)).toEqual({ action: 'forward' });
  });

  it('keeps a finished result once recorded', () => {
    expect(childStep('web', running, child({ status: runOf({ sync: {} }, 'Running') }), { phase: 'Succeeded', message: 'done' })).toEqual({ action: 'track', state: { phase: 'Succeeded', message: 'done' } });
  });

  it('reads the history when a later operation replaced the record of a passed-on sync', () => {
    const selfHeal = runOf({ sync: {}, initiatedBy: { automated: true } }, 'Running');
    const history = [{ id: 0, revision: 'abc', deployedAt: NOW, deployStartedAt: NOW, initiatedBy: { username: 'admin' } }];
    expect(childStep('web', running, child({ status: { ...selfHeal, history } }), { phase: 'Running' })).toMatchObject({ action: 'track', state: { phase: 'Succeeded' } });
    expect(childStep('web', running, child({ status: selfHeal }), { phase: 'Running' })).toMatchObject({ action: 'track', state: { phase: 'Error' } });
  });

  it('terminates a running pass-on, withdraws one not started, and passes nothing on when terminating', () => {
    const terminating: OperationState = { ...running, phase: 'Terminating' };
    expect(childStep('web', terminating, child({ operation: passedOn, status: runOf(passedOn, 'Running') }), { phase: 'Running' })).toEqual({ action: 'terminate' });
    expect(childStep('web', terminating, child({ operation: passedOn }), { phase: 'Running' })).toEqual({ action: 'withdraw' });
    expect(childStep('web', terminating, child(), undefined)).toEqual({ action: 'track', state: { phase: 'Failed', message: 'Operation terminated' } });
  });
});

describe('parentOperationState', () => {
  it('stays Running while a destination has not finished, saying which wait', () => {
    expect(parentOperationState(running, [{ label: 'dev', record: { phase: 'Running' } }, { label: 'prod', record: { phase: 'Succeeded' } }], NOW)).toEqual({ ...running, message: 'sync passed to 2 destinations' });
    expect(parentOperationState(running, [{ label: 'dev', record: { phase: 'Succeeded' } }, { label: 'prod', waiting: 'is running an operation of its own' }], NOW).message).toBe(
      'sync passed to 1 of 2 destinations; waiting: prod is running an operation of its own',
    );
  });

  it('succeeds when every destination did', () => {
    expect(parentOperationState(running, [{ label: 'dev', record: { phase: 'Succeeded' } }, { label: 'prod', record: { phase: 'Succeeded' } }], NOW)).toEqual({
      ...running,
      phase: 'Succeeded',
      message: 'successfully synced 2 destinations',
      finishedAt: NOW,
    });
  });

  it('fails naming the destinations that failed', () => {
    const state = parentOperationState(running, [{ label: 'dev', record: { phase: 'Succeeded' } }, { label: 'prod', record: { phase: 'Failed', message: 'one or more objects failed to apply' } }], NOW);
    expect(state).toMatchObject({ phase: 'Failed', message: 'sync failed in 1 of 2 destinations: prod: Failed (one or more objects failed to apply)', finishedAt: NOW });
  });

  it('ends a terminated operation as Failed once every destination stopped', () => {
    expect(parentOperationState({ ...running, phase: 'Terminating' }, [{ label: 'dev', record: { phase: 'Failed', message: 'Operation terminated' } }], NOW)).toMatchObject({ phase: 'Failed', message: 'Operation terminated' });
  });
});
