// Original file: proto/settings/settings.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Settings as _cluster_Settings, Settings__Output as _cluster_Settings__Output } from '../cluster/Settings';
import type {
  SettingsQuery as _cluster_SettingsQuery,
  SettingsQuery__Output as _cluster_SettingsQuery__Output,
} from '../cluster/SettingsQuery';

export interface SettingsServiceClient extends grpc.Client {
  Get(
    argument: _cluster_SettingsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_Settings__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _cluster_SettingsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_cluster_Settings__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _cluster_SettingsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_Settings__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _cluster_SettingsQuery, callback: grpc.requestCallback<_cluster_Settings__Output>): grpc.ClientUnaryCall;
  get(
    argument: _cluster_SettingsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_Settings__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _cluster_SettingsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_cluster_Settings__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _cluster_SettingsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_cluster_Settings__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _cluster_SettingsQuery, callback: grpc.requestCallback<_cluster_Settings__Output>): grpc.ClientUnaryCall;
}

export interface SettingsServiceHandlers extends grpc.UntypedServiceImplementation {
  Get: grpc.handleUnaryCall<_cluster_SettingsQuery__Output, _cluster_Settings>;
}

export interface SettingsServiceDefinition extends grpc.ServiceDefinition {
  Get: MethodDefinition<_cluster_SettingsQuery, _cluster_Settings, _cluster_SettingsQuery__Output, _cluster_Settings__Output>;
}
