// argocd.argoproj.io/compare-options on a resource: `IgnoreExtraneous`, `ServerSideDiff=true|false`, ...
import { COMPARE_OPTIONS_ANNOTATION, type KubeObject } from '@flotilla/api-types';
import { hasAnnotationOption } from '../object/annotations';

/** An extraneous resource with this option does not make its app OutOfSync. */
export const ignoresExtraneous = (obj: KubeObject | undefined): boolean =>
  hasAnnotationOption(obj, COMPARE_OPTIONS_ANNOTATION, 'IgnoreExtraneous');
