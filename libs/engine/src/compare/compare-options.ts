// argocd.argoproj.io/compare-options on a resource: `IgnoreExtraneous`, `ServerSideDiff=true|false`, ...
import { COMPARE_OPTIONS_ANNOTATION, type KubeObject } from '@flotilla/api-types';
import { annotationCsv, hasAnnotationOption } from '../object/annotations';

/**
 * Whether a resource is compared by server-side diff: its own compare-options decide
 * (`ServerSideDiff=true|false`), else the Application's (its annotation, or syncing with
 * ServerSideApply=true), as Argo CD's ServerSideDiff does.
 */
export function usesServerSideDiff(obj: KubeObject, appDefault: boolean): boolean {
  const own = annotationCsv(obj, COMPARE_OPTIONS_ANNOTATION).find((o) => o.startsWith('ServerSideDiff='));
  return own ? own === 'ServerSideDiff=true' : appDefault;
}

/** An extraneous resource with this option does not make its app OutOfSync. */
export const ignoresExtraneous = (obj: KubeObject | undefined): boolean =>
  hasAnnotationOption(obj, COMPARE_OPTIONS_ANNOTATION, 'IgnoreExtraneous');
