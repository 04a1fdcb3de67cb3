import * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import type { SessionServiceHandlers } from '@flotilla/contracts';
import { clientAddressOf } from '../rpc/call-peer';
import { unauthenticated } from '../rpc/rpc-error';
import { anonymous, authenticated } from '../rpc/unary-call';
import { SessionService } from './session.service';

/** session.SessionService: log in, log out, who am I. */
export class SessionGrpcHandler implements GrpcHandler {
  readonly definition = contracts().session.SessionService.service;

  constructor(private readonly sessions: SessionService) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: SessionServiceHandlers = {
      Create: anonymous(async (req, call) => {
        if (req.token) throw unauthenticated('token-based session creation is not supported; log in with a username and password');
        if (!req.username || !req.password) throw unauthenticated('no credentials supplied');
        // The transport's peer, never a header: failed logins slow down the client that made them.
        return { token: await this.sessions.login(req.username, req.password, clientAddressOf(call.getPeer())) };
      }),
      Delete: authenticated(this.sessions, async (_req, ctx) => {
        await this.sessions.logout(ctx);
        return { token: '' };
      }),
      // Answers without credentials too, as Argo CD does, so clients can ask whether they are logged in.
      GetUserInfo: anonymous(async (_req, call) => {
        const ctx = await this.sessions.authenticate(call.metadata).catch(() => undefined);
        if (!ctx) return { loggedIn: false, username: '', iss: '', groups: [] };
        return { loggedIn: true, username: ctx.username, iss: ctx.claims.iss, groups: ctx.claims.groups ?? [] };
      }),
    };
    return handlers;
  }
}
