// Delete the Application, after its name is typed, choosing what happens to its resources:
// foreground or background cascade, or non-cascading (the resources stay on the cluster).
import type { Application } from '@flotilla/api-types';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { operationsApi, type DeletePropagation } from '../../api/operations.api';
import { Dialog, ErrorMessage } from '../dialog';

const CHOICES: { value: DeletePropagation; label: string }[] = [
  { value: 'foreground', label: 'Foreground: delete the resources, then the app' },
  { value: 'background', label: 'Background: delete the app, the resources after it' },
  { value: 'non-cascading', label: 'Non-cascading: delete only the app, keep its resources' },
];

export function DeleteApp({ app, onClose }: { app: Application; onClose: () => void }) {
  const navigate = useNavigate();
  const [propagation, setPropagation] = useState<DeletePropagation>('foreground');
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await operationsApi.delete(app, propagation);
      void navigate('/applications');
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Delete ${app.metadata.name}`} onClose={onClose}>
      <form className="field" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Propagation policy</legend>
          {CHOICES.map((c) => (
            <label key={c.value} className="check">
              <input type="radio" name="propagation" value={c.value} checked={propagation === c.value} onChange={() => setPropagation(c.value)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <label className="field">
          Type the application&apos;s name to confirm
          <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </label>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="danger-primary" disabled={busy || typed !== app.metadata.name}>
            {busy ? 'Deleting…' : 'Delete'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
