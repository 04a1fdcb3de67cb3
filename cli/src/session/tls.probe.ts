// Before logging in, argocd checks whether the server speaks TLS and whether its certificate
// verifies, so that a plaintext or self-signed server gets a clear question instead of a cryptic error.
import { checkServerIdentity, connect } from 'node:tls';

const PLAINTEXT_SIGNS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|ECONNRESET|EPIPE|socket hang up|disconnected before secure/i;

const CERT_ERRORS: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'certificate signed by unknown authority',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate signed by unknown authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'certificate signed by unknown authority',
  CERT_HAS_EXPIRED: 'certificate has expired',
};

export type TlsProbeResult = { tls: false } | { tls: true; certificateError?: string } | { unreachable: string };

export function probeTls(server: string, timeoutMs = 10_000): Promise<TlsProbeResult> {
  const i = server.lastIndexOf(':');
  const host = i > 0 ? server.slice(0, i).replace(/^\[|\]$/g, '') : server;
  const port = i > 0 ? Number(server.slice(i + 1)) : 443;
  return new Promise((resolve) => {
    const socket = connect({ host, port, servername: /^[\d.]+$|:/.test(host) ? undefined : host, rejectUnauthorized: false });
    const finish = (result: TlsProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ unreachable: `timed out after ${timeoutMs / 1000}s` }));
    socket.once('secureConnect', () => {
      const code = socket.authorizationError ? String((socket.authorizationError as { code?: string }).code ?? socket.authorizationError) : undefined;
      const mismatch = code ? undefined : checkServerIdentity(host, socket.getPeerCertificate());
      if (code) finish({ tls: true, certificateError: `${CERT_ERRORS[code] ?? 'certificate verification failed'} (${code})` });
      else if (mismatch) finish({ tls: true, certificateError: mismatch.message });
      else finish({ tls: true });
    });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(err.code ?? '')) finish({ unreachable: err.message });
      // A plaintext server answers the ClientHello with bytes that are not a TLS record, or hangs up;
      // any other handshake failure came from a TLS server that did not like us.
      else if (PLAINTEXT_SIGNS.test(`${err.code ?? ''} ${err.message}`)) finish({ tls: false });
      else finish({ tls: true, certificateError: err.message });
    });
  });
}
