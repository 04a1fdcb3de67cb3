// Rendered manifests made ready to compare and apply (Argo's controller/state.go): namespaced objects
// without a namespace get the destination's, cluster-scoped ones lose theirs, all carry the tracking id.
// With no destination namespace either, they land in `default`, as kubectl apply puts them in Argo.
import { groupOf, type KubeObject } from '@flotilla/api-types';
import { setTrackingId, type IsNamespaced } from '@flotilla/engine';

export function prepareDesired(manifests: readonly KubeObject[], trackingName: string, namespace: string | undefined, isNamespaced: IsNamespaced): KubeObject[] {
  return manifests.map((obj) => {
    const metadata = { ...obj.metadata };
    if (isNamespaced(groupOf(obj.apiVersion), obj.kind ?? '')) {
      if (!metadata.namespace) metadata.namespace = namespace || 'default';
    } else {
      delete metadata.namespace;
    }
    return setTrackingId({ ...obj, metadata }, trackingName);
  });
}
