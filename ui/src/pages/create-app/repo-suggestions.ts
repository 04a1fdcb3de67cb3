// What the create-app form suggests from a repository: its branches and tags (ListRefs, for a connected
// repository) and the Helm and Kustomize apps it holds at the revision (ListApps, as Argo's path completion).
import { useEffect, useState } from 'react';
import { repositoriesApi, type RepoApp } from '../../api/repositories.api';

export function useRefs(repoURL: string): string[] {
  const [refs, setRefs] = useState<string[]>([]);
  useEffect(() => {
    setRefs([]);
    if (!repoURL) return;
    let live = true;
    repositoriesApi.refs(repoURL).then(
      (r) => live && setRefs(['HEAD', ...(r.branches ?? []), ...(r.tags ?? [])]),
      () => undefined, // not connected: no suggestions, free text still works
    );
    return () => {
      live = false;
    };
  }, [repoURL]);
  return refs;
}

export function useRepoApps(repoURL: string, revision: string, project: string, appName: string): RepoApp[] {
  const [found, setFound] = useState<RepoApp[]>([]);
  useEffect(() => {
    setFound([]);
    if (!repoURL || !project) return;
    let live = true;
    // Typing in the URL or revision would otherwise make repo-server fetch on every key.
    const timer = setTimeout(() => {
      repositoriesApi.apps(repoURL, revision || 'HEAD', project, appName).then(
        (r) => live && setFound(r.items ?? []),
        () => undefined,
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [repoURL, revision, project, appName]);
  return found;
}
