export { CRD_DIR, flotillaCrds } from './crds';
export type { CustomResourceDefinition } from './crds';
export * from './kube-object.types';
export * from './application.types';
export * from './applicationset.types';
export * from './appproject.types';
export * from './cluster.types';
export * from './repository.types';
export * from './argo-labels';
