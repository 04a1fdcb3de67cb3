import * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import type { SettingsServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { anonymous, Authenticator, Call } from '../rpc/unary-call';
import { SettingsService } from './settings.service';

/**
 * cluster.SettingsService: public, as in Argo CD, since clients read it before logging in; a
 * caller with a valid session also gets what Argo shows only to logged-in users.
 */
export class SettingsGrpcHandler implements GrpcHandler {
  readonly definition = contracts().cluster.SettingsService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly settings: SettingsService,
  ) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: SettingsServiceHandlers = {
      Get: anonymous(async (_req, call) => this.settings.get(await this.loggedIn(call))),
    };
    return handlers;
  }

  /** Credentials that are missing or no good make an anonymous caller here, not an error. */
  private async loggedIn(call: Call<unknown>): Promise<boolean> {
    if (call.caller) return true;
    if (call.metadata.get('authorization').length === 0) return false;
    return this.auth.authenticate(call.metadata).then(
      () => true,
      () => false,
    );
  }
}
