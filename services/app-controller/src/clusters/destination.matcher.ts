// Which cluster an Application deploys to (Argo's argo.GetDestinationCluster / ValidateDestination):
// by `server`, or by `name` which must be unique; the hub is always there as in-cluster.
import { IN_CLUSTER_SERVER, type ApplicationDestination, type Cluster } from '@flotilla/api-types';
import { inClusterCluster, normalizeServer } from './cluster-secret.codec';

export type DestinationMatch = { cluster: Cluster; error?: undefined } | { cluster?: undefined; error: string };

/** The known clusters: those from Secrets, plus in-cluster unless a Secret already describes the hub. */
export function knownClusters(fromSecrets: readonly Cluster[]): Cluster[] {
  const hubHasSecret = fromSecrets.some((c) => c.server === IN_CLUSTER_SERVER);
  return hubHasSecret ? [...fromSecrets] : [inClusterCluster(), ...fromSecrets];
}

export function matchDestination(destination: ApplicationDestination | undefined, clusters: readonly Cluster[]): DestinationMatch {
  // A malformed Application (no destination at all) routes nowhere rather than throwing.
  if (!destination) return { error: 'Destination server missing from app spec' };
  const server = typeof destination.server === 'string' && destination.server ? normalizeServer(destination.server) : '';
  const name = typeof destination.name === 'string' ? destination.name : '';
  if (server && name) return { error: `application destination can't have both name and server defined: ${name} ${server}` };
  if (server) {
    const cluster = clusters.find((c) => c.server === server);
    return cluster ? { cluster } : { error: `cluster "${server}" is not configured: no cluster Secret has server ${server}` };
  }
  if (name) {
    const named = clusters.filter((c) => c.name === name);
    if (named.length === 1) return { cluster: named[0] };
    if (named.length === 0) return { error: `there are no clusters with this name: ${name}` };
    return { error: `there are ${named.length} clusters with the same name: [${named.map((c) => c.server).join(' ')}]` };
  }
  return { error: 'Destination server missing from app spec' };
}
