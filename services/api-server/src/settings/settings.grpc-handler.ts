import * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import type { SettingsServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { anonymous } from '../rpc/unary-call';
import { SettingsService } from './settings.service';

/** cluster.SettingsService: public, as in Argo CD, since clients read it before logging in. */
export class SettingsGrpcHandler implements GrpcHandler {
  readonly definition = contracts().cluster.SettingsService.service;

  constructor(private readonly settings: SettingsService) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: SettingsServiceHandlers = {
      Get: anonymous(() => this.settings.get()),
    };
    return handlers;
  }
}
