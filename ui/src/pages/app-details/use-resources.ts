// The app's resource tree, kept live by its stream (each event is the whole tree), and its managed
// resources (live and desired states), read again whenever the Application changes.
import type { Application } from '@flotilla/api-types';
import { useEffect, useState } from 'react';
import { resourcesApi, type ManagedResource, type ResourceTree } from '../../api/resources.api';
import { openStream } from '../../live/event-stream';

export function useResourceTree(name: string, appNamespace: string): { tree?: ResourceTree; error?: string } {
  const [tree, setTree] = useState<ResourceTree>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    resourcesApi.tree(name, appNamespace).then(
      (t) => !cancelled && setTree(t),
      (err: Error) => !cancelled && setError(err.message),
    );
    const close = openStream<ResourceTree>({
      url: () => resourcesApi.treeStreamUrl(name, appNamespace),
      versionOf: () => undefined,
      onEvent: (t) => {
        setError(undefined);
        setTree(t);
      },
    });
    return () => {
      cancelled = true;
      close();
    };
  }, [name, appNamespace]);
  return { tree, error };
}

/** The managed resources, fetched again (at most every 500 ms) when the Application's resourceVersion moves. */
export function useManagedResources(app: Application): { managed?: ManagedResource[]; error?: string } {
  const [managed, setManaged] = useState<ManagedResource[]>();
  const [error, setError] = useState<string>();
  const { name, namespace, resourceVersion } = app.metadata;
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      resourcesApi.managed(name, namespace).then(
        (m) => {
          if (cancelled) return;
          setManaged(m);
          setError(undefined);
        },
        (err: Error) => !cancelled && setError(err.message),
      );
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [name, namespace, resourceVersion]);
  return { managed, error };
}
