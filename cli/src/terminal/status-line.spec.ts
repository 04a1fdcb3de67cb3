import { StatusLine } from './status-line';

const stream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
};

describe('StatusLine', () => {
  it('redraws one line in place on a terminal and clears it before permanent output', () => {
    const s = stream(true);
    const line = new StatusLine(s);
    line.update('Waiting for argocd/a: sync OutOfSync');
    line.update('Waiting for argocd/a: sync Synced');
    line.print('row\n');
    expect(s.writes).toEqual(['\r\x1b[2KWaiting for argocd/a: sync OutOfSync', '\r\x1b[2KWaiting for argocd/a: sync Synced', '\r\x1b[2K', 'row\n']);
  });

  it('writes only plain lines elsewhere', () => {
    const s = stream(false);
    const line = new StatusLine(s);
    line.update('Waiting…');
    line.print('row\n');
    line.clear();
    expect(s.writes).toEqual(['row\n']);
  });
});
