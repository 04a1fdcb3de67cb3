import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Account as _account_Account, Account__Output as _account_Account__Output } from './account/Account';
import type {
  AccountServiceClient as _account_AccountServiceClient,
  AccountServiceDefinition as _account_AccountServiceDefinition,
} from './account/AccountService';
import type { AccountsList as _account_AccountsList, AccountsList__Output as _account_AccountsList__Output } from './account/AccountsList';
import type { CanIRequest as _account_CanIRequest, CanIRequest__Output as _account_CanIRequest__Output } from './account/CanIRequest';
import type { CanIResponse as _account_CanIResponse, CanIResponse__Output as _account_CanIResponse__Output } from './account/CanIResponse';
import type {
  CreateTokenRequest as _account_CreateTokenRequest,
  CreateTokenRequest__Output as _account_CreateTokenRequest__Output,
} from './account/CreateTokenRequest';
import type {
  CreateTokenResponse as _account_CreateTokenResponse,
  CreateTokenResponse__Output as _account_CreateTokenResponse__Output,
} from './account/CreateTokenResponse';
import type {
  DeleteTokenRequest as _account_DeleteTokenRequest,
  DeleteTokenRequest__Output as _account_DeleteTokenRequest__Output,
} from './account/DeleteTokenRequest';
import type {
  EmptyResponse as _account_EmptyResponse,
  EmptyResponse__Output as _account_EmptyResponse__Output,
} from './account/EmptyResponse';
import type {
  GetAccountRequest as _account_GetAccountRequest,
  GetAccountRequest__Output as _account_GetAccountRequest__Output,
} from './account/GetAccountRequest';
import type {
  ListAccountRequest as _account_ListAccountRequest,
  ListAccountRequest__Output as _account_ListAccountRequest__Output,
} from './account/ListAccountRequest';
import type { Token as _account_Token, Token__Output as _account_Token__Output } from './account/Token';
import type {
  UpdatePasswordRequest as _account_UpdatePasswordRequest,
  UpdatePasswordRequest__Output as _account_UpdatePasswordRequest__Output,
} from './account/UpdatePasswordRequest';
import type {
  UpdatePasswordResponse as _account_UpdatePasswordResponse,
  UpdatePasswordResponse__Output as _account_UpdatePasswordResponse__Output,
} from './account/UpdatePasswordResponse';
import type { HttpRule as _google_api_HttpRule, HttpRule__Output as _google_api_HttpRule__Output } from './google/api/HttpRule';
import type {
  DescriptorProto as _google_protobuf_DescriptorProto,
  DescriptorProto__Output as _google_protobuf_DescriptorProto__Output,
} from './google/protobuf/DescriptorProto';
import type {
  EnumDescriptorProto as _google_protobuf_EnumDescriptorProto,
  EnumDescriptorProto__Output as _google_protobuf_EnumDescriptorProto__Output,
} from './google/protobuf/EnumDescriptorProto';
import type {
  EnumOptions as _google_protobuf_EnumOptions,
  EnumOptions__Output as _google_protobuf_EnumOptions__Output,
} from './google/protobuf/EnumOptions';
import type {
  EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto,
  EnumValueDescriptorProto__Output as _google_protobuf_EnumValueDescriptorProto__Output,
} from './google/protobuf/EnumValueDescriptorProto';
import type {
  EnumValueOptions as _google_protobuf_EnumValueOptions,
  EnumValueOptions__Output as _google_protobuf_EnumValueOptions__Output,
} from './google/protobuf/EnumValueOptions';
import type {
  ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions,
  ExtensionRangeOptions__Output as _google_protobuf_ExtensionRangeOptions__Output,
} from './google/protobuf/ExtensionRangeOptions';
import type {
  FeatureSet as _google_protobuf_FeatureSet,
  FeatureSet__Output as _google_protobuf_FeatureSet__Output,
} from './google/protobuf/FeatureSet';
import type {
  FeatureSetDefaults as _google_protobuf_FeatureSetDefaults,
  FeatureSetDefaults__Output as _google_protobuf_FeatureSetDefaults__Output,
} from './google/protobuf/FeatureSetDefaults';
import type {
  FieldDescriptorProto as _google_protobuf_FieldDescriptorProto,
  FieldDescriptorProto__Output as _google_protobuf_FieldDescriptorProto__Output,
} from './google/protobuf/FieldDescriptorProto';
import type {
  FieldOptions as _google_protobuf_FieldOptions,
  FieldOptions__Output as _google_protobuf_FieldOptions__Output,
} from './google/protobuf/FieldOptions';
import type {
  FileDescriptorProto as _google_protobuf_FileDescriptorProto,
  FileDescriptorProto__Output as _google_protobuf_FileDescriptorProto__Output,
} from './google/protobuf/FileDescriptorProto';
import type {
  FileDescriptorSet as _google_protobuf_FileDescriptorSet,
  FileDescriptorSet__Output as _google_protobuf_FileDescriptorSet__Output,
} from './google/protobuf/FileDescriptorSet';
import type {
  FileOptions as _google_protobuf_FileOptions,
  FileOptions__Output as _google_protobuf_FileOptions__Output,
} from './google/protobuf/FileOptions';
import type {
  GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo,
  GeneratedCodeInfo__Output as _google_protobuf_GeneratedCodeInfo__Output,
} from './google/protobuf/GeneratedCodeInfo';
import type {
  MessageOptions as _google_protobuf_MessageOptions,
  MessageOptions__Output as _google_protobuf_MessageOptions__Output,
} from './google/protobuf/MessageOptions';
import type {
  MethodDescriptorProto as _google_protobuf_MethodDescriptorProto,
  MethodDescriptorProto__Output as _google_protobuf_MethodDescriptorProto__Output,
} from './google/protobuf/MethodDescriptorProto';
import type {
  MethodOptions as _google_protobuf_MethodOptions,
  MethodOptions__Output as _google_protobuf_MethodOptions__Output,
} from './google/protobuf/MethodOptions';
import type {
  OneofDescriptorProto as _google_protobuf_OneofDescriptorProto,
  OneofDescriptorProto__Output as _google_protobuf_OneofDescriptorProto__Output,
} from './google/protobuf/OneofDescriptorProto';
import type {
  OneofOptions as _google_protobuf_OneofOptions,
  OneofOptions__Output as _google_protobuf_OneofOptions__Output,
} from './google/protobuf/OneofOptions';
import type {
  ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto,
  ServiceDescriptorProto__Output as _google_protobuf_ServiceDescriptorProto__Output,
} from './google/protobuf/ServiceDescriptorProto';
import type {
  ServiceOptions as _google_protobuf_ServiceOptions,
  ServiceOptions__Output as _google_protobuf_ServiceOptions__Output,
} from './google/protobuf/ServiceOptions';
import type {
  SourceCodeInfo as _google_protobuf_SourceCodeInfo,
  SourceCodeInfo__Output as _google_protobuf_SourceCodeInfo__Output,
} from './google/protobuf/SourceCodeInfo';
import type {
  UninterpretedOption as _google_protobuf_UninterpretedOption,
  UninterpretedOption__Output as _google_protobuf_UninterpretedOption__Output,
} from './google/protobuf/UninterpretedOption';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  account: {
    Account: MessageTypeDefinition<_account_Account, _account_Account__Output>;
    AccountService: SubtypeConstructor<typeof grpc.Client, _account_AccountServiceClient> & { service: _account_AccountServiceDefinition };
    AccountsList: MessageTypeDefinition<_account_AccountsList, _account_AccountsList__Output>;
    CanIRequest: MessageTypeDefinition<_account_CanIRequest, _account_CanIRequest__Output>;
    CanIResponse: MessageTypeDefinition<_account_CanIResponse, _account_CanIResponse__Output>;
    CreateTokenRequest: MessageTypeDefinition<_account_CreateTokenRequest, _account_CreateTokenRequest__Output>;
    CreateTokenResponse: MessageTypeDefinition<_account_CreateTokenResponse, _account_CreateTokenResponse__Output>;
    DeleteTokenRequest: MessageTypeDefinition<_account_DeleteTokenRequest, _account_DeleteTokenRequest__Output>;
    EmptyResponse: MessageTypeDefinition<_account_EmptyResponse, _account_EmptyResponse__Output>;
    GetAccountRequest: MessageTypeDefinition<_account_GetAccountRequest, _account_GetAccountRequest__Output>;
    ListAccountRequest: MessageTypeDefinition<_account_ListAccountRequest, _account_ListAccountRequest__Output>;
    Token: MessageTypeDefinition<_account_Token, _account_Token__Output>;
    UpdatePasswordRequest: MessageTypeDefinition<_account_UpdatePasswordRequest, _account_UpdatePasswordRequest__Output>;
    UpdatePasswordResponse: MessageTypeDefinition<_account_UpdatePasswordResponse, _account_UpdatePasswordResponse__Output>;
  };
  google: {
    api: {
      HttpRule: MessageTypeDefinition<_google_api_HttpRule, _google_api_HttpRule__Output>;
    };
    protobuf: {
      DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto, _google_protobuf_DescriptorProto__Output>;
      Edition: EnumTypeDefinition;
      EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto, _google_protobuf_EnumDescriptorProto__Output>;
      EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions, _google_protobuf_EnumOptions__Output>;
      EnumValueDescriptorProto: MessageTypeDefinition<
        _google_protobuf_EnumValueDescriptorProto,
        _google_protobuf_EnumValueDescriptorProto__Output
      >;
      EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions, _google_protobuf_EnumValueOptions__Output>;
      ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions, _google_protobuf_ExtensionRangeOptions__Output>;
      FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet, _google_protobuf_FeatureSet__Output>;
      FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults, _google_protobuf_FeatureSetDefaults__Output>;
      FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto, _google_protobuf_FieldDescriptorProto__Output>;
      FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions, _google_protobuf_FieldOptions__Output>;
      FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto, _google_protobuf_FileDescriptorProto__Output>;
      FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet, _google_protobuf_FileDescriptorSet__Output>;
      FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions, _google_protobuf_FileOptions__Output>;
      GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo, _google_protobuf_GeneratedCodeInfo__Output>;
      MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions, _google_protobuf_MessageOptions__Output>;
      MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto, _google_protobuf_MethodDescriptorProto__Output>;
      MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions, _google_protobuf_MethodOptions__Output>;
      OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto, _google_protobuf_OneofDescriptorProto__Output>;
      OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions, _google_protobuf_OneofOptions__Output>;
      ServiceDescriptorProto: MessageTypeDefinition<
        _google_protobuf_ServiceDescriptorProto,
        _google_protobuf_ServiceDescriptorProto__Output
      >;
      ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions, _google_protobuf_ServiceOptions__Output>;
      SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo, _google_protobuf_SourceCodeInfo__Output>;
      SymbolVisibility: EnumTypeDefinition;
      UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption, _google_protobuf_UninterpretedOption__Output>;
    };
  };
}
