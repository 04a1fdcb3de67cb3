import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

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
import type {
  AppDetailsResponse as _repository_AppDetailsResponse,
  AppDetailsResponse__Output as _repository_AppDetailsResponse__Output,
} from './repository/AppDetailsResponse';
import type { AppInfo as _repository_AppInfo, AppInfo__Output as _repository_AppInfo__Output } from './repository/AppInfo';
import type { AppList as _repository_AppList, AppList__Output as _repository_AppList__Output } from './repository/AppList';
import type {
  GitDirectoriesRequest as _repository_GitDirectoriesRequest,
  GitDirectoriesRequest__Output as _repository_GitDirectoriesRequest__Output,
} from './repository/GitDirectoriesRequest';
import type {
  GitDirectoriesResponse as _repository_GitDirectoriesResponse,
  GitDirectoriesResponse__Output as _repository_GitDirectoriesResponse__Output,
} from './repository/GitDirectoriesResponse';
import type {
  GitFilesRequest as _repository_GitFilesRequest,
  GitFilesRequest__Output as _repository_GitFilesRequest__Output,
} from './repository/GitFilesRequest';
import type {
  GitFilesResponse as _repository_GitFilesResponse,
  GitFilesResponse__Output as _repository_GitFilesResponse__Output,
} from './repository/GitFilesResponse';
import type {
  ListAppsRequest as _repository_ListAppsRequest,
  ListAppsRequest__Output as _repository_ListAppsRequest__Output,
} from './repository/ListAppsRequest';
import type {
  ListRefsRequest as _repository_ListRefsRequest,
  ListRefsRequest__Output as _repository_ListRefsRequest__Output,
} from './repository/ListRefsRequest';
import type {
  ManifestRequest as _repository_ManifestRequest,
  ManifestRequest__Output as _repository_ManifestRequest__Output,
} from './repository/ManifestRequest';
import type {
  ManifestResponse as _repository_ManifestResponse,
  ManifestResponse__Output as _repository_ManifestResponse__Output,
} from './repository/ManifestResponse';
import type { Refs as _repository_Refs, Refs__Output as _repository_Refs__Output } from './repository/Refs';
import type {
  RepoAccessQuery as _repository_RepoAccessQuery,
  RepoAccessQuery__Output as _repository_RepoAccessQuery__Output,
} from './repository/RepoAccessQuery';
import type {
  RepoAppDetailsQuery as _repository_RepoAppDetailsQuery,
  RepoAppDetailsQuery__Output as _repository_RepoAppDetailsQuery__Output,
} from './repository/RepoAppDetailsQuery';
import type {
  RepoAppDetailsResponse as _repository_RepoAppDetailsResponse,
  RepoAppDetailsResponse__Output as _repository_RepoAppDetailsResponse__Output,
} from './repository/RepoAppDetailsResponse';
import type {
  RepoAppsQuery as _repository_RepoAppsQuery,
  RepoAppsQuery__Output as _repository_RepoAppsQuery__Output,
} from './repository/RepoAppsQuery';
import type {
  RepoAppsResponse as _repository_RepoAppsResponse,
  RepoAppsResponse__Output as _repository_RepoAppsResponse__Output,
} from './repository/RepoAppsResponse';
import type {
  RepoCreateRequest as _repository_RepoCreateRequest,
  RepoCreateRequest__Output as _repository_RepoCreateRequest__Output,
} from './repository/RepoCreateRequest';
import type { RepoQuery as _repository_RepoQuery, RepoQuery__Output as _repository_RepoQuery__Output } from './repository/RepoQuery';
import type {
  RepoResponse as _repository_RepoResponse,
  RepoResponse__Output as _repository_RepoResponse__Output,
} from './repository/RepoResponse';
import type {
  RepoServerAppDetailsQuery as _repository_RepoServerAppDetailsQuery,
  RepoServerAppDetailsQuery__Output as _repository_RepoServerAppDetailsQuery__Output,
} from './repository/RepoServerAppDetailsQuery';
import type {
  RepoServerServiceClient as _repository_RepoServerServiceClient,
  RepoServerServiceDefinition as _repository_RepoServerServiceDefinition,
} from './repository/RepoServerService';
import type {
  RepoUpdateRequest as _repository_RepoUpdateRequest,
  RepoUpdateRequest__Output as _repository_RepoUpdateRequest__Output,
} from './repository/RepoUpdateRequest';
import type {
  RepositoryServiceClient as _repository_RepositoryServiceClient,
  RepositoryServiceDefinition as _repository_RepositoryServiceDefinition,
} from './repository/RepositoryService';
import type {
  ResolveRevisionRequest as _repository_ResolveRevisionRequest,
  ResolveRevisionRequest__Output as _repository_ResolveRevisionRequest__Output,
} from './repository/ResolveRevisionRequest';
import type {
  ResolveRevisionResponse as _repository_ResolveRevisionResponse,
  ResolveRevisionResponse__Output as _repository_ResolveRevisionResponse__Output,
} from './repository/ResolveRevisionResponse';
import type {
  RevisionMetadataRequest as _repository_RevisionMetadataRequest,
  RevisionMetadataRequest__Output as _repository_RevisionMetadataRequest__Output,
} from './repository/RevisionMetadataRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
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
  repository: {
    AppDetailsResponse: MessageTypeDefinition<_repository_AppDetailsResponse, _repository_AppDetailsResponse__Output>;
    AppInfo: MessageTypeDefinition<_repository_AppInfo, _repository_AppInfo__Output>;
    AppList: MessageTypeDefinition<_repository_AppList, _repository_AppList__Output>;
    GitDirectoriesRequest: MessageTypeDefinition<_repository_GitDirectoriesRequest, _repository_GitDirectoriesRequest__Output>;
    GitDirectoriesResponse: MessageTypeDefinition<_repository_GitDirectoriesResponse, _repository_GitDirectoriesResponse__Output>;
    GitFilesRequest: MessageTypeDefinition<_repository_GitFilesRequest, _repository_GitFilesRequest__Output>;
    GitFilesResponse: MessageTypeDefinition<_repository_GitFilesResponse, _repository_GitFilesResponse__Output>;
    ListAppsRequest: MessageTypeDefinition<_repository_ListAppsRequest, _repository_ListAppsRequest__Output>;
    ListRefsRequest: MessageTypeDefinition<_repository_ListRefsRequest, _repository_ListRefsRequest__Output>;
    ManifestRequest: MessageTypeDefinition<_repository_ManifestRequest, _repository_ManifestRequest__Output>;
    ManifestResponse: MessageTypeDefinition<_repository_ManifestResponse, _repository_ManifestResponse__Output>;
    Refs: MessageTypeDefinition<_repository_Refs, _repository_Refs__Output>;
    RepoAccessQuery: MessageTypeDefinition<_repository_RepoAccessQuery, _repository_RepoAccessQuery__Output>;
    RepoAppDetailsQuery: MessageTypeDefinition<_repository_RepoAppDetailsQuery, _repository_RepoAppDetailsQuery__Output>;
    RepoAppDetailsResponse: MessageTypeDefinition<_repository_RepoAppDetailsResponse, _repository_RepoAppDetailsResponse__Output>;
    RepoAppsQuery: MessageTypeDefinition<_repository_RepoAppsQuery, _repository_RepoAppsQuery__Output>;
    RepoAppsResponse: MessageTypeDefinition<_repository_RepoAppsResponse, _repository_RepoAppsResponse__Output>;
    RepoCreateRequest: MessageTypeDefinition<_repository_RepoCreateRequest, _repository_RepoCreateRequest__Output>;
    RepoQuery: MessageTypeDefinition<_repository_RepoQuery, _repository_RepoQuery__Output>;
    RepoResponse: MessageTypeDefinition<_repository_RepoResponse, _repository_RepoResponse__Output>;
    RepoServerAppDetailsQuery: MessageTypeDefinition<_repository_RepoServerAppDetailsQuery, _repository_RepoServerAppDetailsQuery__Output>;
    RepoServerService: SubtypeConstructor<typeof grpc.Client, _repository_RepoServerServiceClient> & {
      service: _repository_RepoServerServiceDefinition;
    };
    RepoUpdateRequest: MessageTypeDefinition<_repository_RepoUpdateRequest, _repository_RepoUpdateRequest__Output>;
    RepositoryService: SubtypeConstructor<typeof grpc.Client, _repository_RepositoryServiceClient> & {
      service: _repository_RepositoryServiceDefinition;
    };
    ResolveRevisionRequest: MessageTypeDefinition<_repository_ResolveRevisionRequest, _repository_ResolveRevisionRequest__Output>;
    ResolveRevisionResponse: MessageTypeDefinition<_repository_ResolveRevisionResponse, _repository_ResolveRevisionResponse__Output>;
    RevisionMetadataRequest: MessageTypeDefinition<_repository_RevisionMetadataRequest, _repository_RevisionMetadataRequest__Output>;
  };
}
