// Original file: proto/account/account.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { Account as _account_Account, Account__Output as _account_Account__Output } from '../account/Account';
import type { AccountsList as _account_AccountsList, AccountsList__Output as _account_AccountsList__Output } from '../account/AccountsList';
import type { CanIRequest as _account_CanIRequest, CanIRequest__Output as _account_CanIRequest__Output } from '../account/CanIRequest';
import type { CanIResponse as _account_CanIResponse, CanIResponse__Output as _account_CanIResponse__Output } from '../account/CanIResponse';
import type {
  CreateTokenRequest as _account_CreateTokenRequest,
  CreateTokenRequest__Output as _account_CreateTokenRequest__Output,
} from '../account/CreateTokenRequest';
import type {
  CreateTokenResponse as _account_CreateTokenResponse,
  CreateTokenResponse__Output as _account_CreateTokenResponse__Output,
} from '../account/CreateTokenResponse';
import type {
  DeleteTokenRequest as _account_DeleteTokenRequest,
  DeleteTokenRequest__Output as _account_DeleteTokenRequest__Output,
} from '../account/DeleteTokenRequest';
import type {
  EmptyResponse as _account_EmptyResponse,
  EmptyResponse__Output as _account_EmptyResponse__Output,
} from '../account/EmptyResponse';
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

  CreateToken(
    argument: _account_CreateTokenRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  CreateToken(
    argument: _account_CreateTokenRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  CreateToken(
    argument: _account_CreateTokenRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  CreateToken(
    argument: _account_CreateTokenRequest,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  createToken(
    argument: _account_CreateTokenRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  createToken(
    argument: _account_CreateTokenRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  createToken(
    argument: _account_CreateTokenRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;
  createToken(
    argument: _account_CreateTokenRequest,
    callback: grpc.requestCallback<_account_CreateTokenResponse__Output>,
  ): grpc.ClientUnaryCall;

  DeleteToken(
    argument: _account_DeleteTokenRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteToken(
    argument: _account_DeleteTokenRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteToken(
    argument: _account_DeleteTokenRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteToken(argument: _account_DeleteTokenRequest, callback: grpc.requestCallback<_account_EmptyResponse__Output>): grpc.ClientUnaryCall;
  deleteToken(
    argument: _account_DeleteTokenRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteToken(
    argument: _account_DeleteTokenRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_account_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteToken(
    argument: _account_DeleteTokenRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_account_EmptyResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteToken(argument: _account_DeleteTokenRequest, callback: grpc.requestCallback<_account_EmptyResponse__Output>): grpc.ClientUnaryCall;

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

  CreateToken: grpc.handleUnaryCall<_account_CreateTokenRequest__Output, _account_CreateTokenResponse>;

  DeleteToken: grpc.handleUnaryCall<_account_DeleteTokenRequest__Output, _account_EmptyResponse>;

  GetAccount: grpc.handleUnaryCall<_account_GetAccountRequest__Output, _account_Account>;

  ListAccounts: grpc.handleUnaryCall<_account_ListAccountRequest__Output, _account_AccountsList>;

  UpdatePassword: grpc.handleUnaryCall<_account_UpdatePasswordRequest__Output, _account_UpdatePasswordResponse>;
}

export interface AccountServiceDefinition extends grpc.ServiceDefinition {
  CanI: MethodDefinition<_account_CanIRequest, _account_CanIResponse, _account_CanIRequest__Output, _account_CanIResponse__Output>;
  CreateToken: MethodDefinition<
    _account_CreateTokenRequest,
    _account_CreateTokenResponse,
    _account_CreateTokenRequest__Output,
    _account_CreateTokenResponse__Output
  >;
  DeleteToken: MethodDefinition<
    _account_DeleteTokenRequest,
    _account_EmptyResponse,
    _account_DeleteTokenRequest__Output,
    _account_EmptyResponse__Output
  >;
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
