export { CRD_DIR, flotillaCrds } from './crds';
export type { CustomResourceDefinition } from './crds';
