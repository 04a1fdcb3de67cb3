import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  ApplicationSetCreateRequest as _applicationset_ApplicationSetCreateRequest,
  ApplicationSetCreateRequest__Output as _applicationset_ApplicationSetCreateRequest__Output,
} from './applicationset/ApplicationSetCreateRequest';
import type {
  ApplicationSetDeleteRequest as _applicationset_ApplicationSetDeleteRequest,
  ApplicationSetDeleteRequest__Output as _applicationset_ApplicationSetDeleteRequest__Output,
} from './applicationset/ApplicationSetDeleteRequest';
import type {
  ApplicationSetGenerateRequest as _applicationset_ApplicationSetGenerateRequest,
  ApplicationSetGenerateRequest__Output as _applicationset_ApplicationSetGenerateRequest__Output,
} from './applicationset/ApplicationSetGenerateRequest';
import type {
  ApplicationSetGenerateResponse as _applicationset_ApplicationSetGenerateResponse,
  ApplicationSetGenerateResponse__Output as _applicationset_ApplicationSetGenerateResponse__Output,
} from './applicationset/ApplicationSetGenerateResponse';
import type {
  ApplicationSetGetQuery as _applicationset_ApplicationSetGetQuery,
  ApplicationSetGetQuery__Output as _applicationset_ApplicationSetGetQuery__Output,
} from './applicationset/ApplicationSetGetQuery';
import type {
  ApplicationSetListQuery as _applicationset_ApplicationSetListQuery,
  ApplicationSetListQuery__Output as _applicationset_ApplicationSetListQuery__Output,
} from './applicationset/ApplicationSetListQuery';
import type {
  ApplicationSetResponse as _applicationset_ApplicationSetResponse,
  ApplicationSetResponse__Output as _applicationset_ApplicationSetResponse__Output,
} from './applicationset/ApplicationSetResponse';
import type {
  ApplicationSetServiceClient as _applicationset_ApplicationSetServiceClient,
  ApplicationSetServiceDefinition as _applicationset_ApplicationSetServiceDefinition,
} from './applicationset/ApplicationSetService';
import type {
  ApplicationSetTreeQuery as _applicationset_ApplicationSetTreeQuery,
  ApplicationSetTreeQuery__Output as _applicationset_ApplicationSetTreeQuery__Output,
} from './applicationset/ApplicationSetTreeQuery';
import type { Empty as _flotilla_Empty, Empty__Output as _flotilla_Empty__Output } from './flotilla/Empty';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from './flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from './flotilla/JsonObjectList';
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
  applicationset: {
    ApplicationSetCreateRequest: MessageTypeDefinition<
      _applicationset_ApplicationSetCreateRequest,
      _applicationset_ApplicationSetCreateRequest__Output
    >;
    ApplicationSetDeleteRequest: MessageTypeDefinition<
      _applicationset_ApplicationSetDeleteRequest,
      _applicationset_ApplicationSetDeleteRequest__Output
    >;
    ApplicationSetGenerateRequest: MessageTypeDefinition<
      _applicationset_ApplicationSetGenerateRequest,
      _applicationset_ApplicationSetGenerateRequest__Output
    >;
    ApplicationSetGenerateResponse: MessageTypeDefinition<
      _applicationset_ApplicationSetGenerateResponse,
      _applicationset_ApplicationSetGenerateResponse__Output
    >;
    ApplicationSetGetQuery: MessageTypeDefinition<_applicationset_ApplicationSetGetQuery, _applicationset_ApplicationSetGetQuery__Output>;
    ApplicationSetListQuery: MessageTypeDefinition<
      _applicationset_ApplicationSetListQuery,
      _applicationset_ApplicationSetListQuery__Output
    >;
    ApplicationSetResponse: MessageTypeDefinition<_applicationset_ApplicationSetResponse, _applicationset_ApplicationSetResponse__Output>;
    ApplicationSetService: SubtypeConstructor<typeof grpc.Client, _applicationset_ApplicationSetServiceClient> & {
      service: _applicationset_ApplicationSetServiceDefinition;
    };
    ApplicationSetTreeQuery: MessageTypeDefinition<
      _applicationset_ApplicationSetTreeQuery,
      _applicationset_ApplicationSetTreeQuery__Output
    >;
  };
  flotilla: {
    Empty: MessageTypeDefinition<_flotilla_Empty, _flotilla_Empty__Output>;
    JsonObject: MessageTypeDefinition<_flotilla_JsonObject, _flotilla_JsonObject__Output>;
    JsonObjectList: MessageTypeDefinition<_flotilla_JsonObjectList, _flotilla_JsonObjectList__Output>;
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
