// The create-app dialog's model: an Application object that both the form and the YAML tab edit, so
// each shows what the other wrote. The form reads and writes a few paths of it; the YAML holds it all.
import type { Application } from '@flotilla/api-types';

export function newApplication(): Application {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: '' },
    spec: {
      project: 'default',
      source: { repoURL: '', path: '', targetRevision: 'HEAD' },
      destination: { server: '', namespace: '' },
    },
  };
}

/** Argo's `?new=` deep link may carry the application as JSON; anything else starts a blank one. */
export function applicationFromLink(param: string | null): Application {
  const blank = newApplication();
  if (!param) return blank;
  try {
    const parsed = JSON.parse(param) as Partial<Application>;
    if (parsed && typeof parsed === 'object' && parsed.spec)
      return { ...blank, ...parsed, metadata: { ...blank.metadata, ...parsed.metadata } };
  } catch {
    // not JSON: Argo's plain `?new=true`
  }
  return blank;
}

/** Returns a copy of the app with `edit` applied; sections the edit touches are created when missing. */
export function edited(app: Application, edit: (a: Application) => void): Application {
  const copy = structuredClone(app);
  copy.metadata ??= { name: '' };
  copy.spec ??= { project: '', destination: {} } as Application['spec'];
  copy.spec.source ??= { repoURL: '' };
  copy.spec.destination ??= {};
  edit(copy);
  return copy;
}

export function setAutomated(app: Application, on: boolean): Application {
  return edited(app, (a) => {
    if (on) a.spec.syncPolicy = { ...a.spec.syncPolicy, automated: { prune: false, selfHeal: false } };
    else if (a.spec.syncPolicy) {
      delete a.spec.syncPolicy.automated;
      if (Object.keys(a.spec.syncPolicy).length === 0) delete a.spec.syncPolicy;
    }
  });
}

export function setSyncOption(app: Application, option: string, on: boolean): Application {
  return edited(app, (a) => {
    const key = option.split('=')[0];
    const rest = (a.spec.syncPolicy?.syncOptions ?? []).filter((o) => o.split('=')[0] !== key);
    const next = on ? [...rest, option] : rest;
    a.spec.syncPolicy = { ...a.spec.syncPolicy, syncOptions: next };
    if (next.length === 0) delete a.spec.syncPolicy.syncOptions;
    if (Object.keys(a.spec.syncPolicy).length === 0) delete a.spec.syncPolicy;
  });
}
