// A CronJob's built-in actions: create-job (what `kubectl create job --from=cronjob/<name>` does) and
// suspend or resume (spec.suspend), whichever applies.
import type { KubeObject } from '@flotilla/api-types';
import { clone, getIn, isRecord } from '../object/json-value';
import type { BuiltinKindActions } from './builtin-action';

const isSuspended = (obj: KubeObject): boolean => getIn(obj, 'spec', 'suspend') === true;

/** `yyMMddHHmm` in UTC: the suffix Argo CD gives a Job made from a CronJob by hand. */
export function manualJobSuffix(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCFullYear() % 100)}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
}

/** The Job a CronJob would run now, owned by it and marked as instantiated by hand. */
export function jobFromCronJob(cronJob: KubeObject, now: number): KubeObject {
  const template = getIn(cronJob, 'spec', 'jobTemplate');
  const templateMeta = isRecord(template) && isRecord(template.metadata) ? clone(template.metadata) : {};
  const annotations = isRecord(templateMeta.annotations) ? templateMeta.annotations : {};
  annotations['cronjob.kubernetes.io/instantiate'] = 'manual';
  const metadata: Record<string, unknown> = {
    ...templateMeta,
    name: `${cronJob.metadata?.name}-${manualJobSuffix(now)}`,
    namespace: cronJob.metadata?.namespace,
    annotations,
    ownerReferences: [
      {
        apiVersion: cronJob.apiVersion,
        kind: cronJob.kind,
        name: cronJob.metadata?.name,
        uid: cronJob.metadata?.uid,
        blockOwnerDeletion: true,
        controller: true,
      },
    ],
  };
  const spec = isRecord(template) && isRecord(template.spec) ? clone(template.spec) : {};
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: metadata, spec };
}

function setSuspend(obj: KubeObject, value: boolean): KubeObject {
  if (!isRecord(obj.spec)) obj.spec = {};
  (obj.spec as Record<string, unknown>).suspend = value;
  return obj;
}

export const cronJobActions: BuiltinKindActions = {
  'create-job': {
    iconClass: 'fa fa-fw fa-plus',
    displayName: 'Create Job',
    run: (obj, { now }) => [{ operation: 'create', resource: jobFromCronJob(obj, now) }],
  },
  suspend: {
    iconClass: 'fa fa-fw fa-pause',
    offered: (obj) => !isSuspended(obj),
    run: (obj) => [{ operation: 'patch', resource: setSuspend(obj, true) }],
  },
  resume: {
    iconClass: 'fa fa-fw fa-play',
    offered: isSuspended,
    run: (obj) => [{ operation: 'patch', resource: setSuspend(obj, false) }],
  },
};
