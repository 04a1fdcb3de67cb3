// `/applications?new=…` (Argo's deep link) opens the create-app dialog over the applications page; closing it drops the parameter.
import { useSearchParams } from 'react-router-dom';
import { applicationFromLink } from './app-form.model';
import { CreateAppDialog } from './create-app.dialog';

export function CreateAppFromLink() {
  const [params, setParams] = useSearchParams();
  const value = params.get('new');
  if (value === null) return null;
  const close = (): void => {
    const next = new URLSearchParams(params);
    next.delete('new');
    setParams(next);
  };
  return <CreateAppDialog initial={applicationFromLink(value)} onClose={close} />;
}
