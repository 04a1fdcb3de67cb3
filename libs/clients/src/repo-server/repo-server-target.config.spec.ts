import { z } from 'zod';
import { repoServerEnv } from './repo-server-target.config';

const parse = (value?: string) => z.object(repoServerEnv).safeParse(value === undefined ? {} : { FLOTILLA_REPO_SERVER: value });

describe('FLOTILLA_REPO_SERVER', () => {
  it.each([
    'argocd-repo-server:8081',
    '127.0.0.1:8081',
    '[::1]:8081',
    'dns:///argocd-repo-server-headless:8081',
    'dns:///argocd-repo-server-headless.argocd.svc.cluster.local:8081',
    'ipv4:127.0.0.1:8081,127.0.0.1:8082',
  ])('accepts %s', (value) => expect(parse(value)).toMatchObject({ success: true, data: { FLOTILLA_REPO_SERVER: value } }));

  it.each(['argocd-repo-server', 'dns:///argocd-repo-server-headless', 'dns://argocd-repo-server:8081', 'http://argocd-repo-server:8081', 'ipv4:127.0.0.1:1,', 'repo server:8081'])(
    'rejects %s, saying what it must be',
    (value) => expect(parse(value).error?.issues[0].message).toBe('must be host:port, dns:///host:port or ipv4:host:port,host:port'),
  );

  it('defaults to a repo-server on this machine', () => expect(parse()).toMatchObject({ data: { FLOTILLA_REPO_SERVER: '127.0.0.1:8081' } }));
});
