// The connection state of each listed repository. Flotilla's list does not test connections (Argo's does), so the page asks
// the server's ValidateAccess for each repository it can test without secrets: one with no credentials of its own
// (anonymous, or lent by a credential template, which the server applies). A repository with its own password keeps
// the state the server gave when it was added in this session, or Unknown.
import type { Repository } from '@flotilla/api-types';
import { useEffect, useState } from 'react';
import { repositoriesApi } from '../../api/repositories.api';

type State = Repository['connectionState'];

export function useConnectionStates(repos: Repository[] | undefined): [Record<string, State>, (url: string, state: State) => void] {
  const [states, setStates] = useState<Record<string, State>>({});
  const record = (url: string, state: State): void => setStates((s) => ({ ...s, [url]: state }));
  useEffect(() => {
    let live = true;
    for (const r of repos ?? []) {
      if (r.connectionState || (r.username && !r.inheritedCreds)) continue;
      const attemptedAt = new Date().toISOString();
      repositoriesApi.validate(r).then(
        () => live && record(r.repo, { status: 'Successful', attemptedAt }),
        (err: Error) => live && record(r.repo, { status: 'Failed', message: err.message, attemptedAt }),
      );
    }
    return () => {
      live = false;
    };
  }, [repos]);
  return [states, record];
}
