import type { RevisionHistory } from '@flotilla/api-types';
import { formatHistoryIds, formatHistoryTable } from './app-history.printer';

const REPO = 'https://git.example.com/apps.git';
const SHA_A = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const SHA_B = 'ffeeddccbbaa99887766554433221100ffeeddcc';

describe('app history output', () => {
  it("prints argocd's SOURCE line and ID/DATE/REVISION table, the commit cut to seven characters", () => {
    const history: RevisionHistory[] = [
      { id: 0, revision: SHA_A, source: { repoURL: REPO, path: 'guestbook', targetRevision: 'main' }, deployedAt: '2024-05-01T10:00:00Z' },
      { id: 11, revision: SHA_B, source: { repoURL: REPO, path: 'guestbook' }, deployedAt: '2024-05-02T08:30:05Z' },
    ];
    expect(formatHistoryTable(history)).toBe(
      [
        `SOURCE  ${REPO}`,
        'ID      DATE                           REVISION',
        '0       2024-05-01 10:00:00 +0000 UTC  main (a1b2c3d)',
        '11      2024-05-02 08:30:05 +0000 UTC  HEAD (ffeeddc)',
        '',
      ].join('\n'),
    );
    expect(formatHistoryIds(history)).toBe('0\n11\n');
  });

  it('gives each repository of a multi-source history its own block, in first-seen order', () => {
    const sources = [
      { repoURL: REPO, path: 'guestbook', targetRevision: 'v2' },
      { repoURL: 'https://git.example.com/values.git', targetRevision: 'main', ref: 'values' },
    ];
    const history: RevisionHistory[] = [
      { id: 1, revisions: [SHA_A, SHA_B], sources, deployedAt: '2024-05-01T10:00:00Z' },
      // Revisions that do not line up with the sources are left out rather than misattributed.
      { id: 2, revisions: [SHA_B], sources, deployedAt: '2024-05-03T10:00:00Z' },
    ];
    expect(formatHistoryTable(history)).toBe(
      [
        `SOURCE  ${REPO}`,
        'ID      DATE                           REVISION',
        '1       2024-05-01 10:00:00 +0000 UTC  v2 (a1b2c3d)',
        '2       2024-05-03 10:00:00 +0000 UTC  v2',
        '',
        'SOURCE  https://git.example.com/values.git',
        'ID      DATE                           REVISION',
        '1       2024-05-01 10:00:00 +0000 UTC  main (ffeeddc)',
        '2       2024-05-03 10:00:00 +0000 UTC  main',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for an app never synced', () => {
    expect(formatHistoryTable([])).toBe('');
    expect(formatHistoryIds([])).toBe('');
  });
});
