import { TLSSocket } from 'node:tls';
import { UserInfo } from '../cluster/request-options';
import { ANONYMOUS, Authenticator, Credentials } from './auth';
import { TokenIdentity } from './service-account-token.validator';

export const KUBE_SIM_ADMIN: UserInfo = { username: 'kube-sim:admin', groups: ['system:masters', 'system:authenticated'] };

/**
 * kube-apiserver's authenticator chain: client certificate, then bearer token, then anonymous.
 * Bad credentials answer 401 rather than falling through to anonymous, as kube does.
 */
export function requestAuthenticator(enforce: boolean, tokenIdentity: (token: string) => TokenIdentity | undefined): Authenticator {
  return {
    authenticate(creds: Credentials): UserInfo | undefined {
      if (!enforce) return KUBE_SIM_ADMIN;
      const cert = certificateUser(creds.tlsSocket);
      if (cert) return cert;
      if (creds.bearerToken !== undefined) return tokenIdentity(creds.bearerToken)?.user;
      if (creds.basic || cert === null) return undefined;
      return ANONYMOUS;
    },
  };
}

/**
 * The user a client certificate names (CN, and O as groups); `null` when a certificate was
 * presented that the cluster CA did not sign or that has expired, `undefined` when none was.
 */
function certificateUser(socket: TLSSocket | undefined): UserInfo | null | undefined {
  const peer = socket?.getPeerCertificate();
  if (!peer || !Object.keys(peer).length) return undefined;
  if (!socket!.authorized) return null;
  const subject = peer.subject as unknown as Record<string, string | string[] | undefined>;
  const cn = subject.CN;
  if (!cn) return null;
  const groups = subject.O === undefined ? [] : Array.isArray(subject.O) ? subject.O : [subject.O];
  return { username: Array.isArray(cn) ? cn[0] : cn, groups: [...groups, 'system:authenticated'] };
}
