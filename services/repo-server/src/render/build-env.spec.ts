import { buildEnv, envsubst } from './build-env';

describe("Argo's build environment", () => {
  const env = buildEnv({ appName: 'guestbook', namespace: 'web', projectName: 'default', revision: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2', repoURL: 'https://git.example.com/apps.git', path: 'apps/guestbook', targetRevision: 'main' });

  it('carries the variables Argo CD sets for tools', () => {
    expect(env).toMatchObject({
      ARGOCD_APP_NAME: 'guestbook',
      ARGOCD_APP_NAMESPACE: 'web',
      ARGOCD_APP_REVISION: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2',
      ARGOCD_APP_REVISION_SHORT: 'a1b2c3d',
      ARGOCD_APP_REVISION_SHORT_8: 'a1b2c3d4',
      ARGOCD_APP_SOURCE_PATH: 'apps/guestbook',
      ARGOCD_APP_SOURCE_REPO_URL: 'https://git.example.com/apps.git',
      ARGOCD_APP_SOURCE_TARGET_REVISION: 'main',
    });
  });

  it.each([
    ['image:$ARGOCD_APP_REVISION_SHORT', 'image:a1b2c3d'],
    ['${ARGOCD_APP_NAME}-${ARGOCD_APP_NAMESPACE}', 'guestbook-web'],
    ['cost $$5', 'cost $5'],
    ['$UNKNOWN-x', '-x'],
    ['trailing $', 'trailing $'],
    ['${}x', 'x'],
    ['a $ b', 'a $ b'],
  ])('envsubst(%j) = %j, as Go os.Expand', (input, output) => {
    expect(envsubst(input, env)).toBe(output);
  });
});
