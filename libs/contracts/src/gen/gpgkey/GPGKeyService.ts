// Original file: proto/gpgkey/gpgkey.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  GnuPGPublicKey as _gpgkey_GnuPGPublicKey,
  GnuPGPublicKey__Output as _gpgkey_GnuPGPublicKey__Output,
} from '../gpgkey/GnuPGPublicKey';
import type {
  GnuPGPublicKeyCreateRequest as _gpgkey_GnuPGPublicKeyCreateRequest,
  GnuPGPublicKeyCreateRequest__Output as _gpgkey_GnuPGPublicKeyCreateRequest__Output,
} from '../gpgkey/GnuPGPublicKeyCreateRequest';
import type {
  GnuPGPublicKeyCreateResponse as _gpgkey_GnuPGPublicKeyCreateResponse,
  GnuPGPublicKeyCreateResponse__Output as _gpgkey_GnuPGPublicKeyCreateResponse__Output,
} from '../gpgkey/GnuPGPublicKeyCreateResponse';
import type {
  GnuPGPublicKeyList as _gpgkey_GnuPGPublicKeyList,
  GnuPGPublicKeyList__Output as _gpgkey_GnuPGPublicKeyList__Output,
} from '../gpgkey/GnuPGPublicKeyList';
import type {
  GnuPGPublicKeyQuery as _gpgkey_GnuPGPublicKeyQuery,
  GnuPGPublicKeyQuery__Output as _gpgkey_GnuPGPublicKeyQuery__Output,
} from '../gpgkey/GnuPGPublicKeyQuery';
import type {
  GnuPGPublicKeyResponse as _gpgkey_GnuPGPublicKeyResponse,
  GnuPGPublicKeyResponse__Output as _gpgkey_GnuPGPublicKeyResponse__Output,
} from '../gpgkey/GnuPGPublicKeyResponse';

export interface GPGKeyServiceClient extends grpc.Client {
  Create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _gpgkey_GnuPGPublicKeyCreateRequest,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyCreateResponse__Output>,
  ): grpc.ClientUnaryCall;

  Delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyResponse__Output>,
  ): grpc.ClientUnaryCall;

  Get(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _gpgkey_GnuPGPublicKeyQuery, callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>): grpc.ClientUnaryCall;
  get(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _gpgkey_GnuPGPublicKeyQuery, callback: grpc.requestCallback<_gpgkey_GnuPGPublicKey__Output>): grpc.ClientUnaryCall;

  List(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>,
  ): grpc.ClientUnaryCall;
  List(argument: _gpgkey_GnuPGPublicKeyQuery, callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>): grpc.ClientUnaryCall;
  list(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _gpgkey_GnuPGPublicKeyQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>,
  ): grpc.ClientUnaryCall;
  list(argument: _gpgkey_GnuPGPublicKeyQuery, callback: grpc.requestCallback<_gpgkey_GnuPGPublicKeyList__Output>): grpc.ClientUnaryCall;
}

export interface GPGKeyServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_gpgkey_GnuPGPublicKeyCreateRequest__Output, _gpgkey_GnuPGPublicKeyCreateResponse>;

  Delete: grpc.handleUnaryCall<_gpgkey_GnuPGPublicKeyQuery__Output, _gpgkey_GnuPGPublicKeyResponse>;

  Get: grpc.handleUnaryCall<_gpgkey_GnuPGPublicKeyQuery__Output, _gpgkey_GnuPGPublicKey>;

  List: grpc.handleUnaryCall<_gpgkey_GnuPGPublicKeyQuery__Output, _gpgkey_GnuPGPublicKeyList>;
}

export interface GPGKeyServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _gpgkey_GnuPGPublicKeyCreateRequest,
    _gpgkey_GnuPGPublicKeyCreateResponse,
    _gpgkey_GnuPGPublicKeyCreateRequest__Output,
    _gpgkey_GnuPGPublicKeyCreateResponse__Output
  >;
  Delete: MethodDefinition<
    _gpgkey_GnuPGPublicKeyQuery,
    _gpgkey_GnuPGPublicKeyResponse,
    _gpgkey_GnuPGPublicKeyQuery__Output,
    _gpgkey_GnuPGPublicKeyResponse__Output
  >;
  Get: MethodDefinition<
    _gpgkey_GnuPGPublicKeyQuery,
    _gpgkey_GnuPGPublicKey,
    _gpgkey_GnuPGPublicKeyQuery__Output,
    _gpgkey_GnuPGPublicKey__Output
  >;
  List: MethodDefinition<
    _gpgkey_GnuPGPublicKeyQuery,
    _gpgkey_GnuPGPublicKeyList,
    _gpgkey_GnuPGPublicKeyQuery__Output,
    _gpgkey_GnuPGPublicKeyList__Output
  >;
}
