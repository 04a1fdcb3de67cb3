import * as grpc from '@grpc/grpc-js';
import { contracts } from '@flotilla/contracts';
import type { VersionServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { anonymous } from '../rpc/unary-call';
import { VersionService } from './version.service';

/** version.VersionService: public, as in Argo CD. */
export class VersionGrpcHandler implements GrpcHandler {
  readonly definition = contracts().version.VersionService.service;

  constructor(private readonly versions: VersionService) {}

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: VersionServiceHandlers = {
      Version: anonymous(() => this.versions.version()),
    };
    return handlers;
  }
}
