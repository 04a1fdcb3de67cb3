import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

// A real SMTP server (smtp-server) for specs: it speaks SMTP as a mail relay does — STARTTLS or
// implicit TLS with the certificate it is given, AUTH only once the connection is encrypted,
// 5xx for a mailbox it does not have, 4xx while told to defer — and keeps every message parsed.

export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  /** The user that authenticated, if any. */
  readonly user?: string;
  /** Whether the message arrived over TLS (implicit or after STARTTLS). */
  readonly secure: boolean;
  readonly mail: ParsedMail;
  readonly raw: string;
}

export interface FakeSmtpOptions {
  /** Listen address; 127.0.0.2 is a loopback address Go's net/smtp does not count as localhost. */
  readonly host?: string;
  /** PEM key and certificate for TLS; without them the server offers no STARTTLS. */
  readonly tls?: { readonly key: string; readonly cert: string };
  /** TLS from the first byte (SMTPS, port 465 style) instead of STARTTLS. */
  readonly implicitTls?: boolean;
  /** user → password; without users the server offers no AUTH. */
  readonly users?: Readonly<Record<string, string>>;
  /** Recipient domains it accepts mail for; others get 550. */
  readonly domains?: readonly string[];
}

export interface FakeSmtp {
  readonly host: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** While set, every RCPT TO gets this transient (4xx) reply. */
  deferWith: string | undefined;
  close(): Promise<void>;
}

const smtpError = (message: string, responseCode: number): Error => Object.assign(new Error(message), { responseCode });

export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const host = options.host ?? '127.0.0.1';
  const users = options.users ?? {};
  const domains = options.domains ?? ['example.com'];
  const received: ReceivedMail[] = [];
  const fake = { host, port: 0, received, deferWith: undefined as string | undefined, close: async () => {} };
  const config: SMTPServerOptions = {
    secure: !!options.implicitTls,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    authOptional: true,
    authMethods: ['PLAIN', 'LOGIN'],
    // Without a certificate there is no STARTTLS at all (smtp-server would otherwise use its own).
    disabledCommands: [...(Object.keys(users).length === 0 ? ['AUTH'] : []), ...(options.tls || options.implicitTls ? [] : ['STARTTLS'])],
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (Object.hasOwn(users, auth.username ?? '') && users[auth.username!] === auth.password)
        return callback(null, { user: auth.username });
      callback(smtpError('5.7.8 Authentication credentials invalid', 535));
    },
    onRcptTo(address, _session, callback) {
      if (fake.deferWith) return callback(smtpError(fake.deferWith, 451));
      const domain = address.address.split('@')[1]?.toLowerCase();
      if (!domain || !domains.includes(domain))
        return callback(smtpError(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`, 550));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            const envelope = session.envelope;
            received.push({
              envelopeFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
              envelopeTo: envelope.rcptTo.map((r) => r.address),
              user: session.user as string | undefined,
              secure: session.secure,
              mail,
              raw,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  };
  const server = new SMTPServer(config);
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  fake.port = (server.server.address() as AddressInfo).port;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

/** A self-signed certificate for `localhost` and 127.0.0.1, made with the openssl CLI. */
export function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flotilla-smtp-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
