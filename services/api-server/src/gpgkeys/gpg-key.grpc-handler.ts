import type * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import type { GPGKeyServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { GpgKeyService } from './gpg-key.service';

/** gpgkey.GPGKeyService over GpgKeyService (`argocd gpg list/get/add/rm`). */
export class GpgKeyGrpcHandler implements GrpcHandler {
  readonly definition = contracts().gpgkey.GPGKeyService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly keys: GpgKeyService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: GPGKeyServiceHandlers = {
      List: authenticated(this.auth, async (req, ctx) => {
        const items = await this.keys.list(ctx);
        return { items: req.keyID ? items.filter((k) => k.keyID === req.keyID.toUpperCase()) : items };
      }),
      Get: authenticated(this.auth, async (req, ctx) => this.keys.get(ctx, req.keyID)),
      Create: authenticated(this.auth, async (req, ctx) => {
        const out = await this.keys.create(ctx, req.publicKey?.keyData ?? '', req.upsert);
        return { created: { items: out.created }, skipped: out.skipped };
      }),
      Delete: authenticated(this.auth, async (req, ctx) => {
        await this.keys.delete(ctx, req.keyID);
        return {};
      }),
    };
    return handlers;
  }
}
