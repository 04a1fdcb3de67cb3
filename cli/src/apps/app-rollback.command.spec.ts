import { guestbook } from './app.fixture';
import { rollbackTarget } from './app-rollback.command';

const entry = (id: number, revision: string) => ({ id, revision, source: { repoURL: 'https://git.example.com/apps.git', path: 'guestbook' }, deployedAt: '2024-05-01T10:00:00Z' });

describe('app rollback target', () => {
  const app = guestbook();
  app.status!.history = [entry(4, 'a'.repeat(40)), entry(5, 'b'.repeat(40)), entry(7, 'c'.repeat(40))];

  it('goes back to the deployment before the latest when no id is given', () => {
    expect(rollbackTarget(app).id).toBe(5);
  });

  it('takes the entry with the id given, not the position', () => {
    expect(rollbackTarget(app, 4).revision).toBe('a'.repeat(40));
    expect(() => rollbackTarget(app, 1)).toThrow("Application 'guestbook' does not have deployment id '1' in history");
  });

  it('needs two deployments to go back without an id', () => {
    const once = guestbook();
    once.status!.history = [entry(0, 'a'.repeat(40))];
    expect(() => rollbackTarget(once)).toThrow("Application 'guestbook' should have at least two successful deployments");
    expect(rollbackTarget(once, 0).id).toBe(0);
  });
});
