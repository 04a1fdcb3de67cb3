// A modal dialog: a heading names it, focus moves into it and stays there (Tab wraps), Escape and the
// close button close it, and focus returns to what opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';
import './form.css';

const FOCUSABLE =
  'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex="0"]';

export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Callers pass a fresh closure each render; the listeners below are set up once, on open.
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const box = ref.current;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') close.current();
      if (e.key !== 'Tab' || !box) return;
      const all = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
      if (all.length === 0) return;
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    (box?.querySelector<HTMLElement>('input, select, textarea') ?? box?.querySelector<HTMLElement>('button:not(.dialog-close)'))?.focus();
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={headingId}>
        <header className="dialog-header">
          <h2 id={headingId}>{title}</h2>
          <button type="button" className="dialog-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}

/** Asks before something that cannot be undone; the confirming button carries the verb. */
export function ConfirmDialog({
  title,
  verb,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  verb: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <p>{children}</p>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {verb}
        </button>
      </div>
    </Dialog>
  );
}

/** The server's refusal, as it said it. */
export function ErrorMessage({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
