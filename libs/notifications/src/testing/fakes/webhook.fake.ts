import { type FakeAnswer, FakeHttpServer } from './fake-http';

// A plain webhook receiver for specs of the webhook service: records every request (FakeHttpServer's
// `requests`) and answers with `status`, 200 unless a spec sets another.

export class FakeWebhook extends FakeHttpServer {
  status = 200;

  protected answer(): FakeAnswer {
    return { status: this.status };
  }
}
