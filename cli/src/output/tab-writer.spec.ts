import { formatTable, summaryLine } from './tab-writer';

describe('formatTable', () => {
  it('pads every column but the last to its widest cell plus two spaces, like text/tabwriter', () => {
    const out = formatTable([
      ['NAME', 'STATUS', 'MESSAGE'],
      ['argocd/guestbook', 'Synced', 'ok'],
      ['argocd/x', 'OutOfSync', ''],
    ]);
    expect(out).toBe(['NAME              STATUS     MESSAGE', 'argocd/guestbook  Synced     ok', 'argocd/x          OutOfSync  '].join('\n') + '\n');
  });

  it('keeps empty cells aligned and counts characters, not bytes', () => {
    const out = formatTable([
      ['A', 'B', 'C'],
      ['', 'ü', 'x'],
    ]);
    expect(out.split('\n')[1]).toBe('   ü  x');
  });

  it('honours a minimum width', () => {
    expect(formatTable([['a', 'b']], { minWidth: 5 })).toBe('a    b\n');
  });
});

describe('summaryLine', () => {
  it('pads the label to 20 columns like argocd\'s "%-20s%s"', () => {
    expect(summaryLine('Name:', 'argocd/app')).toBe('Name:               argocd/app\n');
    expect(summaryLine('Health Status:', undefined)).toBe('Health Status:      \n');
  });
});
