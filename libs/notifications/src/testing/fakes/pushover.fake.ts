import { randomUUID } from 'node:crypto';
import { type FakeAnswer, FakeHttpServer, type FakeHttpRequest } from './fake-http';

// Pushover's message API (POST /1/messages.json, form-encoded) as Pushover answers it:
// {"status":1,"request":…} when queued, else {"status":0,"errors":[…]} naming the bad field — 400
// for a missing message or one over 1024 characters, an unknown user or group key, an unknown
// application token — and 429 once an application has used its monthly messages.

export class FakePushover extends FakeHttpServer {
  readonly appTokens = new Set(['azGDORePK8gMaC0QOYAMyEEuzJnyUi']);
  readonly userKeys = new Set(['uQiRzpo4DXghDmr9QzzfQu27cmVRsG']);
  /** Messages left this month per application token; unset means plenty. */
  readonly remaining = new Map<string, number>();
  readonly delivered: { user: string; message: string; title?: string }[] = [];

  protected answer(req: FakeHttpRequest): FakeAnswer {
    const request = randomUUID();
    if (new URL(req.url, 'http://x').pathname !== '/1/messages.json' || req.method !== 'POST')
      return { status: 404, body: { status: 0, errors: ['not found'], request } };
    if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
      return {
        status: 400,
        body: { status: 0, errors: ['application token is invalid, see https://pushover.net/api'], token: 'invalid', request },
      };
    const form = Object.fromEntries(new URLSearchParams(req.body));
    if (!form.token || !this.appTokens.has(form.token))
      return {
        status: 400,
        body: { token: 'invalid', errors: ['application token is invalid, see https://pushover.net/api'], status: 0, request },
      };
    if (!form.user || !this.userKeys.has(form.user))
      return {
        status: 400,
        body: {
          user: 'invalid',
          errors: ['user identifier is not a valid user, group, or subscribed user key, see https://pushover.net/api#identifiers'],
          status: 0,
          request,
        },
      };
    if (!form.message)
      return { status: 400, body: { message: 'cannot be blank', errors: ['message cannot be blank'], status: 0, request } };
    if ([...form.message].length > 1024)
      return {
        status: 400,
        body: { message: 'is too long', errors: ['message cannot be more than 1024 characters long'], status: 0, request },
      };
    const left = this.remaining.get(form.token);
    if (left !== undefined && left <= 0)
      return { status: 429, body: { errors: ['application has exceeded its monthly message limit'], status: 0, request } };
    if (left !== undefined) this.remaining.set(form.token, left - 1);
    this.delivered.push({ user: form.user, message: form.message, ...(form.title ? { title: form.title } : {}) });
    return {
      status: 200,
      headers: { 'X-Limit-App-Remaining': String(left === undefined ? 9999 : left - 1) },
      body: { status: 1, request },
    };
  }
}
