import { parseNotificationsConfig } from '../config/notifications-config.parser';
import { type FakeSmtp, selfSignedCertificate, startFakeSmtp } from '../testing/fakes/smtp.fake';
import { EmailSender, type EmailOptions } from './email.sender';
import { DeliveryError, type RenderedNotification, type ServiceConfig } from './notification-service';

const sender = new EmailSender();
const service = (smtp: FakeSmtp, over: Partial<EmailOptions> = {}): ServiceConfig<EmailOptions> => ({
  type: 'email',
  name: 'mail',
  options: {
    host: smtp.host,
    port: smtp.port,
    from: 'flotilla@example.com',
    username: '',
    password: '',
    html: false,
    insecure_skip_verify: false,
    ...over,
  },
});
const send = (smtp: FakeSmtp, notification: RenderedNotification, recipient: string, over: Partial<EmailOptions> = {}) =>
  sender.send(notification, { service: 'mail', recipient }, service(smtp, over));
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as DeliveryError,
  );

describe('EmailSender', () => {
  const tls = selfSignedCertificate();
  const servers: FakeSmtp[] = [];
  const start = async (...args: Parameters<typeof startFakeSmtp>) => {
    const smtp = await startFakeSmtp(...args);
    servers.push(smtp);
    return smtp;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('sends email.subject and email.body as plain text from `from` to every address of the recipient', async () => {
    const smtp = await start();
    await send(
      smtp,
      { message: 'the message', parts: { email: { subject: 'guestbook synced', body: 'Synced at 10:00 <b>ok</b>' } } },
      'ops@example.com, dev@example.com',
    );
    expect(smtp.received).toHaveLength(1);
    const [{ mail, envelopeFrom, envelopeTo, user, secure }] = smtp.received;
    expect(envelopeFrom).toBe('flotilla@example.com');
    expect(envelopeTo).toEqual(['ops@example.com', 'dev@example.com']);
    expect(mail.subject).toBe('guestbook synced');
    expect(mail.from?.text).toBe('flotilla@example.com');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['ops@example.com', 'dev@example.com']);
    expect(mail.text?.trim()).toBe('Synced at 10:00 <b>ok</b>');
    expect(mail.html).toBe(false);
    expect(user).toBeUndefined();
    expect(secure).toBe(false);
  });

  it('sends the message as the body when the template has no email.body, with an empty subject', async () => {
    const smtp = await start();
    await send(smtp, { message: 'only the message', parts: {} }, 'ops@example.com');
    expect(smtp.received[0].mail.text?.trim()).toBe('only the message');
    expect(smtp.received[0].mail.subject ?? '').toBe('');
  });

  it('sends an HTML body when `html` is true', async () => {
    const smtp = await start();
    await send(smtp, { message: '', parts: { email: { subject: 's', body: '<h1>Synced</h1>' } } }, 'ops@example.com', { html: true });
    const { mail, raw } = smtp.received[0];
    expect(mail.html).toContain('<h1>Synced</h1>');
    expect(raw).toMatch(/Content-Type: text\/html/i);
  });

  it('upgrades with STARTTLS when the server offers it and authenticates over it; a self-signed certificate is refused unless insecure_skip_verify', async () => {
    const smtp = await start({ tls, users: { bot: 's3cret-pw' } });
    const refused = await failure(send(smtp, { message: 'm', parts: {} }, 'ops@example.com', { username: 'bot', password: 's3cret-pw' }));
    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused!.message).toMatch(/^email mail: SMTP 127\.0\.0\.1:\d+ failed: .*certificate/);
    expect(refused!.message).not.toContain('s3cret-pw');
    expect(smtp.received).toHaveLength(0);

    await send(smtp, { message: 'm', parts: {} }, 'ops@example.com', {
      username: 'bot',
      password: 's3cret-pw',
      insecure_skip_verify: true,
    });
    expect(smtp.received[0]).toMatchObject({ user: 'bot', secure: true });
  });

  it('speaks TLS from the first byte on port 465', async () => {
    const smtp = await start({ tls, implicitTls: true, users: { bot: 'pw' } });
    // The sender decides by the port: 465 (a privileged port, bound as root in CI) relays to the fake.
    const { createServer, connect } = await import('node:net');
    const relay = createServer((c) => {
      const upstream = connect(smtp.port, '127.0.0.1');
      upstream.on('error', () => c.destroy());
      c.on('error', () => upstream.destroy());
      c.pipe(upstream).pipe(c);
    });
    await new Promise<void>((resolve, reject) => {
      relay.once('error', reject);
      relay.listen(465, '127.0.0.1', () => resolve());
    });
    try {
      await send(smtp, { message: 'm', parts: {} }, 'ops@example.com', {
        port: 465,
        username: 'bot',
        password: 'pw',
        insecure_skip_verify: true,
      });
      expect(smtp.received[0]).toMatchObject({ user: 'bot', secure: true });
    } finally {
      await new Promise((r) => relay.close(r));
    }
  });

  it('sends credentials unencrypted only to localhost, as Go net/smtp does; elsewhere a server without STARTTLS is refused', async () => {
    const smtp = await start({ host: '127.0.0.2', users: { bot: 'pw-123' } });
    const error = await failure(send(smtp, { message: 'm', parts: {} }, 'ops@example.com', { username: 'bot', password: 'pw-123' }));
    expect(error).toMatchObject({ retryable: false });
    expect(error!.message).toMatch(/^email mail: 127\.0\.0\.2:\d+ offers no STARTTLS, and the password is sent only over TLS/);
    expect(smtp.received).toHaveLength(0);
  });

  it('reports wrong credentials as a permanent failure without the password', async () => {
    const smtp = await start({ tls, users: { bot: 'right' } });
    const error = await failure(
      send(smtp, { message: 'm', parts: {} }, 'ops@example.com', { username: 'bot', password: 'wrong-pw', insecure_skip_verify: true }),
    );
    expect(error).toMatchObject({ retryable: false });
    expect(error!.message).toMatch(/^email mail: SMTP 127\.0\.0\.1:\d+ answered 535: .*Authentication credentials invalid/);
    expect(error!.message).not.toContain('wrong-pw');
  });

  it('treats a 5xx reply to the recipient as permanent and a 4xx one as transient', async () => {
    const smtp = await start();
    const rejected = await failure(send(smtp, { message: 'm', parts: {} }, 'nobody@elsewhere.org'));
    expect(rejected).toMatchObject({ retryable: false });
    expect(rejected!.message).toMatch(/answered 550: .*User unknown/);

    smtp.deferWith = '4.7.1 Greylisted, try again later';
    const deferred = await failure(send(smtp, { message: 'm', parts: {} }, 'ops@example.com'));
    expect(deferred).toMatchObject({ retryable: true });
    expect(deferred!.message).toMatch(/answered 451: .*Greylisted/);
  });

  it('reports an unreachable server as retryable and an empty recipient as permanent', async () => {
    const smtp = await start();
    await smtp.close();
    const unreachable = await failure(send(smtp, { message: 'm', parts: {} }, 'ops@example.com'));
    expect(unreachable).toMatchObject({ retryable: true });
    expect(unreachable!.message).toMatch(/^email mail: SMTP 127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/);
    const empty = await failure(send(smtp, { message: 'm', parts: {} }, ' , '));
    expect(empty).toMatchObject({ retryable: false, message: 'email mail: the recipient names no email address' });
  });

  it('reads service.email with $secret references, and masks the password', () => {
    const { config, problems } = parseNotificationsConfig(
      {
        'service.email.gmail': 'host: smtp.gmail.com\nport: $smtp-port\nfrom: $email-address\nusername: $username\npassword: $password\n',
        'service.email.bad': 'host: x\nport: mail\nfrom: a@b',
      },
      { 'smtp-port': '465', 'email-address': 'cd@example.com', username: 'cd@example.com', password: 'app-password' },
      [sender],
    );
    expect(config.services.get('gmail')).toEqual({
      type: 'email',
      name: 'gmail',
      options: {
        host: 'smtp.gmail.com',
        port: 465,
        from: 'cd@example.com',
        username: 'cd@example.com',
        password: 'app-password',
        html: false,
        insecure_skip_verify: false,
      },
    });
    expect(config.sensitive).toContain('app-password');
    expect(problems).toEqual([expect.stringMatching(/^service\.email\.bad: port: /)]);
  });
});
