import * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import type { AccountServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { AccountService } from './account.service';

/** account.AccountService: can-i, password change, accounts and their API tokens. */
export class AccountGrpcHandler implements GrpcHandler {
  readonly definition = contracts().account.AccountService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly accounts: AccountService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: AccountServiceHandlers = {
      CanI: authenticated(this.auth, (req, ctx) =>
        Promise.resolve({ value: this.accounts.canI(ctx, req.resource, req.action, req.subresource) }),
      ),
      UpdatePassword: authenticated(this.auth, async (req, ctx) => {
        await this.accounts.updatePassword(ctx, req);
        return {};
      }),
      ListAccounts: authenticated(this.auth, async (_req, ctx) => ({ items: await this.accounts.list(ctx) })),
      GetAccount: authenticated(this.auth, (req, ctx) => this.accounts.get(ctx, req.name)),
      CreateToken: authenticated(this.auth, async (req, ctx) => ({ token: await this.accounts.createToken(ctx, req) })),
      DeleteToken: authenticated(this.auth, async (req, ctx) => {
        await this.accounts.deleteToken(ctx, req.name, req.id);
        return {};
      }),
    };
    return handlers;
  }
}
