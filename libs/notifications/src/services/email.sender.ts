import { isIP } from 'node:net';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import type { Destination } from '../state/notified.state';
import { DEFAULT_TIMEOUT_MS } from './http.client';
import { DeliveryError, type NotificationSender, type RenderedNotification, type ServiceConfig } from './notification-service';

// Argo's email service: SMTP to `host:port`, TLS from the first byte on port 465 and STARTTLS
// whenever the server offers it elsewhere (gomail's rule), the certificate checked unless
// `insecure_skip_verify`. The recipient is one address or several separated by commas.

/** A port as YAML writes it, or as a `$secret` reference leaves it (a string of digits). */
const port = z
  .union([z.number(), z.string().regex(/^\d+$/, 'expected a port number').transform(Number)])
  .pipe(z.number().int().min(1).max(65535));

const options = z.object({
  host: z.string().min(1),
  port,
  from: z.string().min(1),
  username: z.string().default(''),
  password: z.string().default(''),
  html: z.boolean().default(false),
  insecure_skip_verify: z.boolean().default(false),
});
export type EmailOptions = z.output<typeof options>;

const emailPart = z.object({ subject: z.string().optional(), body: z.string().optional() });

// Go's net/smtp sends PLAIN credentials in the clear only to these names; elsewhere it needs TLS.
const LOCALHOST = new Set(['localhost', '127.0.0.1', '::1']);

/** SMTP failures nodemailer reports without a reply code that another attempt cannot fix. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'EAUTH']);

export class EmailSender implements NotificationSender<EmailOptions> {
  readonly type = 'email';
  readonly options = options;

  secretsOf(o: EmailOptions): string[] {
    return [o.password].filter(Boolean);
  }

  async send(notification: RenderedNotification, destination: Destination, service: ServiceConfig<EmailOptions>): Promise<void> {
    const o = service.options;
    const label = `email ${service.name}`;
    const to = destination.recipient
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (to.length === 0) throw new DeliveryError(`${label}: the recipient names no email address`, false);
    const parsed = emailPart.safeParse(notification.parts.email ?? {});
    const part = parsed.success ? parsed.data : {};
    const body = part.body || notification.message;
    const implicitTls = o.port === 465;
    const withCredentials = o.username !== '';
    const mustEncrypt = withCredentials && !implicitTls && !LOCALHOST.has(o.host.toLowerCase());
    const transport = createTransport({
      host: o.host,
      port: o.port,
      secure: implicitTls,
      requireTLS: mustEncrypt,
      auth: withCredentials ? { user: o.username, pass: o.password } : undefined,
      tls: { rejectUnauthorized: !o.insecure_skip_verify, ...(isIP(o.host) ? {} : { servername: o.host }) },
      connectionTimeout: DEFAULT_TIMEOUT_MS,
      greetingTimeout: DEFAULT_TIMEOUT_MS,
      socketTimeout: DEFAULT_TIMEOUT_MS,
      logger: false,
      debug: false,
    });
    try {
      await transport.sendMail({ from: o.from, to, subject: part.subject ?? '', ...(o.html ? { html: body } : { text: body }) });
    } catch (err) {
      throw smtpFailure(label, `${o.host}:${o.port}`, err as SmtpError, mustEncrypt);
    } finally {
      transport.close();
    }
  }
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

function smtpFailure(label: string, server: string, err: SmtpError, mustEncrypt: boolean): DeliveryError {
  if (mustEncrypt && err.code === 'ETLS')
    return new DeliveryError(
      `${label}: ${server} offers no STARTTLS, and the password is sent only over TLS (except to localhost); use port 465 or a server with STARTTLS`,
      false,
    );
  const detail = (err.response ?? err.message).trim().replace(/\s+/g, ' ');
  const code = err.responseCode;
  // SMTP's own rule: 4xx replies are transient, 5xx permanent; no reply means the connection failed.
  const retryable = code !== undefined ? code < 500 : !PERMANENT_CODES.has(err.code ?? '');
  return new DeliveryError(`${label}: SMTP ${server}${code !== undefined ? ` answered ${code}` : ' failed'}: ${detail}`, retryable);
}
