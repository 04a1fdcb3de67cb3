// The user's favourite applications, kept in this browser's localStorage (as Argo CD's UI keeps its
// view preferences), shared by every tile and the "Favourites only" filter.
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'flotilla.favourite-apps';

function read(): ReadonlySet<string> {
  try {
    const parsed = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

let favourites = read();
const listeners = new Set<() => void>();

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  // Another tab's change arrives as a storage event.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY) return;
    favourites = read();
    fn();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('storage', onStorage);
  };
}

/** `namespace/name`, the key an app is remembered by. */
export const favouriteKey = (app: { metadata: { name: string; namespace?: string } }): string => `${app.metadata.namespace ?? ''}/${app.metadata.name}`;

export function toggleFavourite(key: string): void {
  const next = new Set(favourites);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  favourites = next;
  localStorage.setItem(STORAGE_KEY, JSON.stringify([...next].sort()));
  for (const fn of listeners) fn();
}

export function useFavourites(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => favourites);
}
