// Argo's built-in checks convert the object to the typed API of its version and refuse a version they do not know:
// gitops-engine answers "unsupported <Kind> GVK: <group>/<version>, Kind=<Kind>", which GetResourceHealth turns
// into Unknown with that message. Ingress is read untyped, so it has no such check.
import { groupOf, versionOf, type KubeObject } from '@flotilla/api-types';

/** Throws Argo's error (the registry makes it an Unknown health) when obj's version is not one of `versions`. */
export function requireVersion(obj: KubeObject, label: string, versions: readonly string[]): void {
  const version = versionOf(obj.apiVersion);
  if (versions.includes(version)) return;
  throw new Error(`unsupported ${label} GVK: ${groupOf(obj.apiVersion)}/${version}, Kind=${obj.kind ?? ''}`);
}
