import { execFile, execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkServerIdentity, TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { AuthCluster, startAuthCluster } from './auth-cluster.fixture';
import { ClusterAuth, createClusterAuth } from './cluster-auth';

const run = promisify(execFile);
const hasKubectl = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** An HTTPS endpoint set up like kube-sim's that answers with the authenticated user, or 401. */
async function whoamiServer(auth: ClusterAuth): Promise<{ port: number; server: Server }> {
  const server = createServer({ key: auth.serverKeyPem, cert: auth.serverCertPem, ca: auth.caPem, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = auth.authenticator.authenticate({ tlsSocket: req.socket as TLSSocket, ...(bearer ? { bearerToken: bearer } : {}) });
    res.writeHead(user ? 200 : 401, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(user ?? { kind: 'Status', code: 401 }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, server };
}

function get(port: number, opts: { host?: string; ca: string; cert?: { certPem: string; keyPem: string }; token?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', servername: opts.host, port, path: '/', ca: opts.ca, cert: opts.cert?.certPem, key: opts.cert?.keyPem, headers: opts.token ? { Authorization: `Bearer ${opts.token}` } : {}, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('cluster authentication and PKI', () => {
  let ac: AuthCluster;
  let auth: ClusterAuth;
  let endpoint: { port: number; server: Server };

  beforeAll(async () => {
    ac = await startAuthCluster(true, ['kube-sim.example']);
    auth = ac.auth;
    endpoint = await whoamiServer(auth);
  });
  afterAll(async () => {
    ac.stop();
    await new Promise((r) => endpoint.server.close(r));
  });

  it('knows the admin token, refuses unknown tokens and basic auth, and treats no credentials as anonymous', () => {
    expect(auth.authenticator.authenticate({ bearerToken: auth.adminToken })).toEqual({ username: 'kube-sim:admin', groups: ['system:masters', 'system:authenticated'] });
    expect(auth.authenticator.authenticate({ bearerToken: 'not-a-token' })).toBeUndefined();
    expect(auth.authenticator.authenticate({ basic: { username: 'admin', password: 'admin' } })).toBeUndefined();
    expect(auth.authenticator.authenticate({})).toEqual({ username: 'system:anonymous', groups: ['system:unauthenticated'] });
  });

  it('signs client certificates with the cluster CA: CN is the user, one O per group, for client auth', async () => {
    const { certPem } = await auth.issueClientCertificate('carol', ['devs', 'ops']);
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(auth.caPem);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subject.split('\n')).toEqual(['CN=carol', 'O=devs', 'O=ops']);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toMatch(/^CN=kube-sim-ca-/);
    const other = await createClusterAuth({ enforce: true });
    expect(new X509Certificate(auth.serverCertPem).checkIssued(new X509Certificate(other.caPem))).toBe(false);
  });

  it('serves a certificate valid for the loopback addresses, the kubernetes service names and the extra hosts', () => {
    const server = new X509Certificate(auth.serverCertPem);
    expect(server.verify(new X509Certificate(auth.caPem).publicKey)).toBe(true);
    const peer = server.toLegacyObject();
    for (const host of ['127.0.0.1', '::1', 'localhost', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'kube-sim.example']) {
      expect({ host, error: checkServerIdentity(host, peer) }).toEqual({ host, error: undefined });
    }
    expect(checkServerIdentity('elsewhere.example', peer)).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('authenticates a client certificate over a real TLS handshake, and refuses one from another CA', async () => {
    const cert = await auth.issueClientCertificate('dave', ['team-a']);
    const mine = await get(endpoint.port, { ca: auth.caPem, cert, host: 'localhost' });
    expect(mine.status).toBe(200);
    expect(JSON.parse(mine.body)).toEqual({ username: 'dave', groups: ['team-a', 'system:authenticated'] });
    const stranger = await createClusterAuth({ enforce: true });
    expect((await get(endpoint.port, { ca: auth.caPem, cert: stranger.adminClientCertificate })).status).toBe(401);
    const anonymous = await get(endpoint.port, { ca: auth.caPem });
    expect(JSON.parse(anonymous.body)).toEqual({ username: 'system:anonymous', groups: ['system:unauthenticated'] });
    expect(JSON.parse((await get(endpoint.port, { ca: auth.caPem, token: auth.adminToken })).body).username).toBe('kube-sim:admin');
  });

  (hasKubectl ? it : it.skip)('is accepted by kubectl (Go TLS) with the CA and the admin client certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-sim-auth-'));
    try {
      const file = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
      };
      const args = ['--server', `https://127.0.0.1:${endpoint.port}`, `--certificate-authority=${file('ca.crt', auth.caPem)}`, `--client-certificate=${file('admin.crt', auth.adminClientCertificate.certPem)}`, `--client-key=${file('admin.key', auth.adminClientCertificate.keyPem)}`, 'get', '--raw', '/'];
      const { stdout } = await run('kubectl', args, { env: { ...process.env, KUBECONFIG: join(dir, 'none') } });
      expect(JSON.parse(stdout)).toEqual({ username: 'kube-sim:admin', groups: ['system:masters', 'system:authenticated'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
