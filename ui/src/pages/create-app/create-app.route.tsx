// `/applications?new=…` (Argo's deep link) opens the create-app dialog over the applications page; closing it drops the parameter.
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import { applicationFromLink } from './app-form.model';

/** The dialog (its form, YAML editor and completions) is fetched when first opened. */
const CreateAppDialog = lazy(async () => ({ default: (await import('./create-app.dialog')).CreateAppDialog }));

export function CreateAppFromLink() {
  const [params, setParams] = useSearchParams();
  const value = params.get('new');
  if (value === null) return null;
  const close = (): void => {
    const next = new URLSearchParams(params);
    next.delete('new');
    setParams(next);
  };
  return (
    <Suspense fallback={null}>
      <CreateAppDialog initial={applicationFromLink(value)} onClose={close} />
    </Suspense>
  );
}
