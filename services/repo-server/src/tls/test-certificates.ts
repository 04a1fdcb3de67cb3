import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CA and what it signed, PEM, made with the openssl CLI (node:crypto reads X.509 but cannot issue it). */
export interface TestPki {
  ca: { cert: string; key: string };
  /** A server certificate for `localhost` and 127.0.0.1. */
  server: { cert: string; key: string };
  /** A client certificate (extendedKeyUsage clientAuth). */
  client: { cert: string; key: string };
}

const openssl = (dir: string, ...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });

/** Writes a throwaway CA into `dir`, and a server and a client certificate signed by it. */
export function makeTestPki(dir: string, name = 'Flotilla Test CA'): TestPki {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, 'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = (leaf: string, cn: string, ext: string): { cert: string; key: string } => {
    writeFileSync(join(dir, `${leaf}.ext`), ext);
    openssl(dir, 'req', ...ec, '-keyout', `${leaf}.key`, '-out', `${leaf}.csr`, '-subj', `/CN=${cn}`);
    openssl(dir, 'x509', '-req', '-in', `${leaf}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${leaf}.pem`, '-days', '2', '-extfile', `${leaf}.ext`);
    return { cert: readFileSync(join(dir, `${leaf}.pem`), 'utf8'), key: readFileSync(join(dir, `${leaf}.key`), 'utf8') };
  };
  return {
    ca: { cert: readFileSync(join(dir, 'ca.pem'), 'utf8'), key: readFileSync(join(dir, 'ca.key'), 'utf8') },
    server: issue('server', 'localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n'),
    client: issue('client', 'flotilla-repo-server', 'extendedKeyUsage=clientAuth\n'),
  };
}
