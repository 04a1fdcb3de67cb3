// Original file: proto/version/version.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Empty as _flotilla_Empty, Empty__Output as _flotilla_Empty__Output } from '../flotilla/Empty';
import type {
  VersionMessage as _version_VersionMessage,
  VersionMessage__Output as _version_VersionMessage__Output,
} from '../version/VersionMessage';

export interface VersionServiceClient extends grpc.Client {
  Version(
    argument: _flotilla_Empty,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_version_VersionMessage__Output>,
  ): grpc.ClientUnaryCall;
  Version(
    argument: _flotilla_Empty,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_version_VersionMessage__Output>,
  ): grpc.ClientUnaryCall;
  Version(
    argument: _flotilla_Empty,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_version_VersionMessage__Output>,
  ): grpc.ClientUnaryCall;
  Version(argument: _flotilla_Empty, callback: grpc.requestCallback<_version_VersionMessage__Output>): grpc.ClientUnaryCall;
  version(
    argument: _flotilla_Empty,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_version_VersionMessage__Output>,
  ): grpc.ClientUnaryCall;
  version(
    argument: _flotilla_Empty,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_version_VersionMessage__Output>,
  ): grpc.ClientUnaryCall;
  version(
    argument: _flotilla_Empty,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_version_VersionMessage__Output>,
  ): grpc.ClientUnaryCall;
  version(argument: _flotilla_Empty, callback: grpc.requestCallback<_version_VersionMessage__Output>): grpc.ClientUnaryCall;
}

export interface VersionServiceHandlers extends grpc.UntypedServiceImplementation {
  Version: grpc.handleUnaryCall<_flotilla_Empty__Output, _version_VersionMessage>;
}

export interface VersionServiceDefinition extends grpc.ServiceDefinition {
  Version: MethodDefinition<_flotilla_Empty, _version_VersionMessage, _flotilla_Empty__Output, _version_VersionMessage__Output>;
}
