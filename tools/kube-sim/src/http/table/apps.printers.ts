import { KubeObject } from '../../store/kube-object';
import { since } from './human-duration';
import {
  AGE_COLUMN,
  at,
  col,
  CONTAINERS_COLUMN,
  containerCells,
  IMAGES_COLUMN,
  int,
  KindPrinter,
  NAME_COLUMN,
  PrintContext,
} from './printer-kit';
import { formatLabels, formatLabelSelector, selectorString } from './selector-format';

const age = (o: KubeObject, now: number): string => since(o.metadata.creationTimestamp, now);
const template = (o: KubeObject): unknown => at(o, 'spec', 'template', 'spec');
const SELECTOR_COLUMN = col('Selector', 'string', 'Label selector for pods.', 1);

function deploymentCells(o: KubeObject, { now }: PrintContext): unknown[] {
  const [names, images] = containerCells(template(o));
  const ready = `${int(at(o, 'status', 'readyReplicas'))}/${int(at(o, 'spec', 'replicas'))}`;
  // kube prints the selector's String() here, so an empty selector is blank rather than <none>.
  return [
    o.metadata.name,
    ready,
    int(at(o, 'status', 'updatedReplicas')),
    int(at(o, 'status', 'availableReplicas')),
    age(o, now),
    names,
    images,
    selectorString(at(o, 'spec', 'selector')),
  ];
}

function replicaSetCells(o: KubeObject, { now }: PrintContext): unknown[] {
  const [names, images] = containerCells(template(o));
  const s = (field: string): number => int(at(o, 'status', field));
  return [
    o.metadata.name,
    int(at(o, 'spec', 'replicas')),
    s('replicas'),
    s('readyReplicas'),
    age(o, now),
    names,
    images,
    formatLabelSelector(at(o, 'spec', 'selector')),
  ];
}

function daemonSetCells(o: KubeObject, { now }: PrintContext): unknown[] {
  const [names, images] = containerCells(template(o));
  const s = (field: string): number => int(at(o, 'status', field));
  return [
    o.metadata.name,
    s('desiredNumberScheduled'),
    s('currentNumberScheduled'),
    s('numberReady'),
    s('updatedNumberScheduled'),
    s('numberAvailable'),
    formatLabels(at(template(o), 'nodeSelector')),
    age(o, now),
    names,
    images,
    formatLabelSelector(at(o, 'spec', 'selector')),
  ];
}

/** `daemonset.apps/name`: the lower-cased GroupKind of the controlling owner, as kube's formatResourceName. */
function controllerOf(o: KubeObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  const groupKind = group ? `${ref.kind}.${group}` : ref.kind;
  return groupKind ? `${groupKind.toLowerCase()}/${ref.name}` : ref.name;
}

export const appsPrinters: Record<string, KindPrinter> = {
  Deployment: {
    columns: [
      NAME_COLUMN,
      col('Ready', 'string', 'Number of the pod with ready state'),
      col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
      col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
      AGE_COLUMN,
      CONTAINERS_COLUMN,
      IMAGES_COLUMN,
      SELECTOR_COLUMN,
    ],
    cells: deploymentCells,
  },
  ReplicaSet: {
    columns: [
      NAME_COLUMN,
      col('Desired', 'integer', 'Replicas is the number of desired replicas.'),
      col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
      col('Ready', 'integer', 'The number of ready replicas for this replica set.'),
      AGE_COLUMN,
      CONTAINERS_COLUMN,
      IMAGES_COLUMN,
      SELECTOR_COLUMN,
    ],
    cells: replicaSetCells,
  },
  StatefulSet: {
    columns: [NAME_COLUMN, col('Ready', 'string', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
    cells: (o, { now }) => {
      const [names, images] = containerCells(template(o));
      return [o.metadata.name, `${int(at(o, 'status', 'readyReplicas'))}/${int(at(o, 'spec', 'replicas'))}`, age(o, now), names, images];
    },
  },
  DaemonSet: {
    columns: [
      NAME_COLUMN,
      col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
      col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
      col(
        'Ready',
        'integer',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
      ),
      col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
      col(
        'Available',
        'integer',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
      ),
      col('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
      AGE_COLUMN,
      CONTAINERS_COLUMN,
      IMAGES_COLUMN,
      SELECTOR_COLUMN,
    ],
    cells: daemonSetCells,
  },
  ControllerRevision: {
    columns: [
      NAME_COLUMN,
      col('Controller', 'string', 'Controller of the object'),
      col('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [o.metadata.name, controllerOf(o), int(o.revision), age(o, now)],
  },
};
