// Original file: proto/account/account.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Account as _account_Account, Account__Output as _account_Account__Output } from '../account/Account';
import type { AccountsList as _account_AccountsList, AccountsList__Output as _account_AccountsList__Output } from '../account/AccountsList';
import type { CanIRequest as _account_CanIRequest, CanIRequest__Output as _account_CanIRequest__Output } from '../account/CanIRequest';
import type { CanIResponse as _account_CanIResponse, CanIResponse__Output as _account_CanIResponse__Output } from '../account/CanIResponse';
import type {
  GetAccountRequest as _account_GetAccountRequest,
  GetAccountRequest__Output as _account_GetAccountRequest__Output,
} from '../account/GetAccountRequest';
import type {
  ListAccountRequest as _account_ListAccountRequest,
  ListAccountRequest__Output as _account_ListAccountRequest__Output,
} from '../account/ListAccountRequest';
import type {
  UpdatePasswordRequest as _account_UpdatePasswordRequest,
  UpdatePasswordRequest__Output as _account_UpdatePasswordRequest__Output,
} from '../account/UpdatePasswordRequest';
import type {
  UpdatePasswordResponse as _account_UpdatePasswordResponse,
  UpdatePasswordResponse__Output as _account_UpdatePasswordResponse__Output,
} from '../account/UpdatePasswordResponse';

export interface AccountServiceClient extends grpc.Client {
  CanI(
    argument: _account_CanIRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CanIResponse__Output>,
  ): grpc.ClientUnaryCall;
  CanI(
    argument: _account_CanIRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_CanIResponse__Output>,
  ): grpc.ClientUnaryCall;
  CanI(
    argument: _account_CanIRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CanIResponse__Output>,
  ): grpc.ClientUnaryCall;
  CanI(argument: _account_CanIRequest, callback: grpc.requestCallback<_account_CanIResponse__Output>): grpc.ClientUnaryCall;
  canI(
    argument: _account_CanIRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CanIResponse__Output>,
  ): grpc.ClientUnaryCall;
  canI(
    argument: _account_CanIRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_CanIResponse__Output>,
  ): grpc.ClientUnaryCall;
  canI(
    argument: _account_CanIRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CanIResponse__Output>,
  ): grpc.ClientUnaryCall;
  canI(argument: _account_CanIRequest, callback: grpc.requestCallback<_account_CanIResponse__Output>): grpc.ClientUnaryCall;

  GetAccount(
    argument: _account_GetAccountRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_Account__Output>,
  ): grpc.ClientUnaryCall;
  GetAccount(
    argument: _account_GetAccountRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_Account__Output>,
  ): grpc.ClientUnaryCall;
  GetAccount(
    argument: _account_GetAccountRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_Account__Output>,
  ): grpc.ClientUnaryCall;
  GetAccount(argument: _account_GetAccountRequest, callback: grpc.requestCallback<_account_Account__Output>): grpc.ClientUnaryCall;
  getAccount(
    argument: _account_GetAccountRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_Account__Output>,
  ): grpc.ClientUnaryCall;
  getAccount(
    argument: _account_GetAccountRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_Account__Output>,
  ): grpc.ClientUnaryCall;
  getAccount(
    argument: _account_GetAccountRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_Account__Output>,
  ): grpc.ClientUnaryCall;
  getAccount(argument: _account_GetAccountRequest, callback: grpc.requestCallback<_account_Account__Output>): grpc.ClientUnaryCall;

  ListAccounts(
    argument: _account_ListAccountRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_AccountsList__Output>,
  ): grpc.ClientUnaryCall;
  ListAccounts(
    argument: _account_ListAccountRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_AccountsList__Output>,
  ): grpc.ClientUnaryCall;
  ListAccounts(
    argument: _account_ListAccountRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_AccountsList__Output>,
  ): grpc.ClientUnaryCall;
  ListAccounts(argument: _account_ListAccountRequest, callback: grpc.requestCallback<_account_AccountsList__Output>): grpc.ClientUnaryCall;
  listAccounts(
    argument: _account_ListAccountRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_AccountsList__Output>,
  ): grpc.ClientUnaryCall;
  listAccounts(
    argument: _account_ListAccountRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_AccountsList__Output>,
  ): grpc.ClientUnaryCall;
  listAccounts(
    argument: _account_ListAccountRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_AccountsList__Output>,
  ): grpc.ClientUnaryCall;
  listAccounts(argument: _account_ListAccountRequest, callback: grpc.requestCallback<_account_AccountsList__Output>): grpc.ClientUnaryCall;

  UpdatePassword(
    argument: _account_UpdatePasswordRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  UpdatePassword(
    argument: _account_UpdatePasswordRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  UpdatePassword(
    argument: _account_UpdatePasswordRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  UpdatePassword(
    argument: _account_UpdatePasswordRequest,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  updatePassword(
    argument: _account_UpdatePasswordRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  updatePassword(
    argument: _account_UpdatePasswordRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  updatePassword(
    argument: _account_UpdatePasswordRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
  updatePassword(
    argument: _account_UpdatePasswordRequest,
    callback: grpc.requestCallback<_account_UpdatePasswordResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface AccountServiceHandlers extends grpc.UntypedServiceImplementation {
  CanI: grpc.handleUnaryCall<_account_CanIRequest__Output, _account_CanIResponse>;

  GetAccount: grpc.handleUnaryCall<_account_GetAccountRequest__Output, _account_Account>;

  ListAccounts: grpc.handleUnaryCall<_account_ListAccountRequest__Output, _account_AccountsList>;

  UpdatePassword: grpc.handleUnaryCall<_account_UpdatePasswordRequest__Output, _account_UpdatePasswordResponse>;
}

export interface AccountServiceDefinition extends grpc.ServiceDefinition {
  CanI: MethodDefinition<_account_CanIRequest, _account_CanIResponse, _account_CanIRequest__Output, _account_CanIResponse__Output>;
  GetAccount: MethodDefinition<_account_GetAccountRequest, _account_Account, _account_GetAccountRequest__Output, _account_Account__Output>;
  ListAccounts: MethodDefinition<
    _account_ListAccountRequest,
    _account_AccountsList,
    _account_ListAccountRequest__Output,
    _account_AccountsList__Output
  >;
  UpdatePassword: MethodDefinition<
    _account_UpdatePasswordRequest,
    _account_UpdatePasswordResponse,
    _account_UpdatePasswordRequest__Output,
    _account_UpdatePasswordResponse__Output
  >;
}
