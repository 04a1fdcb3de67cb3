/** Every `image` of a `containers` or `initContainers` list anywhere in the manifests, sorted, as Argo lists a kustomization's images. */
export function imagesOf(manifests: unknown[]): string[] {
  const images: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const c of value) {
          const image = c && typeof c === 'object' ? (c as Record<string, unknown>).image : undefined;
          if (image !== undefined) images.push(typeof image === 'string' ? image : JSON.stringify(image));
        }
      } else visit(value);
    }
  };
  manifests.forEach(visit);
  return images.sort();
}
