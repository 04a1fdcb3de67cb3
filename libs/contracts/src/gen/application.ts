import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type {
  ApplicationCreateRequest as _application_ApplicationCreateRequest,
  ApplicationCreateRequest__Output as _application_ApplicationCreateRequest__Output,
} from './application/ApplicationCreateRequest';
import type {
  ApplicationDeleteRequest as _application_ApplicationDeleteRequest,
  ApplicationDeleteRequest__Output as _application_ApplicationDeleteRequest__Output,
} from './application/ApplicationDeleteRequest';
import type {
  ApplicationManifestQuery as _application_ApplicationManifestQuery,
  ApplicationManifestQuery__Output as _application_ApplicationManifestQuery__Output,
} from './application/ApplicationManifestQuery';
import type {
  ApplicationPatchRequest as _application_ApplicationPatchRequest,
  ApplicationPatchRequest__Output as _application_ApplicationPatchRequest__Output,
} from './application/ApplicationPatchRequest';
import type {
  ApplicationPodLogsQuery as _application_ApplicationPodLogsQuery,
  ApplicationPodLogsQuery__Output as _application_ApplicationPodLogsQuery__Output,
} from './application/ApplicationPodLogsQuery';
import type {
  ApplicationQuery as _application_ApplicationQuery,
  ApplicationQuery__Output as _application_ApplicationQuery__Output,
} from './application/ApplicationQuery';
import type {
  ApplicationResourceDeleteRequest as _application_ApplicationResourceDeleteRequest,
  ApplicationResourceDeleteRequest__Output as _application_ApplicationResourceDeleteRequest__Output,
} from './application/ApplicationResourceDeleteRequest';
import type {
  ApplicationResourceEventsQuery as _application_ApplicationResourceEventsQuery,
  ApplicationResourceEventsQuery__Output as _application_ApplicationResourceEventsQuery__Output,
} from './application/ApplicationResourceEventsQuery';
import type {
  ApplicationResourcePatchRequest as _application_ApplicationResourcePatchRequest,
  ApplicationResourcePatchRequest__Output as _application_ApplicationResourcePatchRequest__Output,
} from './application/ApplicationResourcePatchRequest';
import type {
  ApplicationResourceRequest as _application_ApplicationResourceRequest,
  ApplicationResourceRequest__Output as _application_ApplicationResourceRequest__Output,
} from './application/ApplicationResourceRequest';
import type {
  ApplicationResourceResponse as _application_ApplicationResourceResponse,
  ApplicationResourceResponse__Output as _application_ApplicationResourceResponse__Output,
} from './application/ApplicationResourceResponse';
import type {
  ApplicationResponse as _application_ApplicationResponse,
  ApplicationResponse__Output as _application_ApplicationResponse__Output,
} from './application/ApplicationResponse';
import type {
  ApplicationRollbackRequest as _application_ApplicationRollbackRequest,
  ApplicationRollbackRequest__Output as _application_ApplicationRollbackRequest__Output,
} from './application/ApplicationRollbackRequest';
import type {
  ApplicationServerSideDiffQuery as _application_ApplicationServerSideDiffQuery,
  ApplicationServerSideDiffQuery__Output as _application_ApplicationServerSideDiffQuery__Output,
} from './application/ApplicationServerSideDiffQuery';
import type {
  ApplicationServerSideDiffResponse as _application_ApplicationServerSideDiffResponse,
  ApplicationServerSideDiffResponse__Output as _application_ApplicationServerSideDiffResponse__Output,
} from './application/ApplicationServerSideDiffResponse';
import type {
  ApplicationServiceClient as _application_ApplicationServiceClient,
  ApplicationServiceDefinition as _application_ApplicationServiceDefinition,
} from './application/ApplicationService';
import type {
  ApplicationSyncRequest as _application_ApplicationSyncRequest,
  ApplicationSyncRequest__Output as _application_ApplicationSyncRequest__Output,
} from './application/ApplicationSyncRequest';
import type {
  ApplicationSyncWindowsQuery as _application_ApplicationSyncWindowsQuery,
  ApplicationSyncWindowsQuery__Output as _application_ApplicationSyncWindowsQuery__Output,
} from './application/ApplicationSyncWindowsQuery';
import type {
  ApplicationUpdateRequest as _application_ApplicationUpdateRequest,
  ApplicationUpdateRequest__Output as _application_ApplicationUpdateRequest__Output,
} from './application/ApplicationUpdateRequest';
import type {
  ApplicationUpdateSpecRequest as _application_ApplicationUpdateSpecRequest,
  ApplicationUpdateSpecRequest__Output as _application_ApplicationUpdateSpecRequest__Output,
} from './application/ApplicationUpdateSpecRequest';
import type {
  ApplicationWatchEvent as _application_ApplicationWatchEvent,
  ApplicationWatchEvent__Output as _application_ApplicationWatchEvent__Output,
} from './application/ApplicationWatchEvent';
import type { LinkInfo as _application_LinkInfo, LinkInfo__Output as _application_LinkInfo__Output } from './application/LinkInfo';
import type {
  LinksResponse as _application_LinksResponse,
  LinksResponse__Output as _application_LinksResponse__Output,
} from './application/LinksResponse';
import type {
  ListAppLinksRequest as _application_ListAppLinksRequest,
  ListAppLinksRequest__Output as _application_ListAppLinksRequest__Output,
} from './application/ListAppLinksRequest';
import type { LogEntry as _application_LogEntry, LogEntry__Output as _application_LogEntry__Output } from './application/LogEntry';
import type {
  OperationTerminateRequest as _application_OperationTerminateRequest,
  OperationTerminateRequest__Output as _application_OperationTerminateRequest__Output,
} from './application/OperationTerminateRequest';
import type {
  OperationTerminateResponse as _application_OperationTerminateResponse,
  OperationTerminateResponse__Output as _application_OperationTerminateResponse__Output,
} from './application/OperationTerminateResponse';
import type {
  ResourceAction as _application_ResourceAction,
  ResourceAction__Output as _application_ResourceAction__Output,
} from './application/ResourceAction';
import type {
  ResourceActionParam as _application_ResourceActionParam,
  ResourceActionParam__Output as _application_ResourceActionParam__Output,
} from './application/ResourceActionParam';
import type {
  ResourceActionParameters as _application_ResourceActionParameters,
  ResourceActionParameters__Output as _application_ResourceActionParameters__Output,
} from './application/ResourceActionParameters';
import type {
  ResourceActionRunRequest as _application_ResourceActionRunRequest,
  ResourceActionRunRequest__Output as _application_ResourceActionRunRequest__Output,
} from './application/ResourceActionRunRequest';
import type {
  ResourceActionRunRequestV2 as _application_ResourceActionRunRequestV2,
  ResourceActionRunRequestV2__Output as _application_ResourceActionRunRequestV2__Output,
} from './application/ResourceActionRunRequestV2';
import type {
  ResourceActionsListResponse as _application_ResourceActionsListResponse,
  ResourceActionsListResponse__Output as _application_ResourceActionsListResponse__Output,
} from './application/ResourceActionsListResponse';
import type {
  ResourcesQuery as _application_ResourcesQuery,
  ResourcesQuery__Output as _application_ResourcesQuery__Output,
} from './application/ResourcesQuery';
import type {
  RetryBackoff as _application_RetryBackoff,
  RetryBackoff__Output as _application_RetryBackoff__Output,
} from './application/RetryBackoff';
import type {
  RetryStrategy as _application_RetryStrategy,
  RetryStrategy__Output as _application_RetryStrategy__Output,
} from './application/RetryStrategy';
import type {
  RevisionMetadataQuery as _application_RevisionMetadataQuery,
  RevisionMetadataQuery__Output as _application_RevisionMetadataQuery__Output,
} from './application/RevisionMetadataQuery';
import type {
  SyncOperationResource as _application_SyncOperationResource,
  SyncOperationResource__Output as _application_SyncOperationResource__Output,
} from './application/SyncOperationResource';
import type {
  SyncOptions as _application_SyncOptions,
  SyncOptions__Output as _application_SyncOptions__Output,
} from './application/SyncOptions';
import type {
  SyncStrategy as _application_SyncStrategy,
  SyncStrategy__Output as _application_SyncStrategy__Output,
} from './application/SyncStrategy';
import type {
  SyncStrategyApply as _application_SyncStrategyApply,
  SyncStrategyApply__Output as _application_SyncStrategyApply__Output,
} from './application/SyncStrategyApply';
import type { Time as _application_Time, Time__Output as _application_Time__Output } from './application/Time';
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
  application: {
    ApplicationCreateRequest: MessageTypeDefinition<_application_ApplicationCreateRequest, _application_ApplicationCreateRequest__Output>;
    ApplicationDeleteRequest: MessageTypeDefinition<_application_ApplicationDeleteRequest, _application_ApplicationDeleteRequest__Output>;
    ApplicationManifestQuery: MessageTypeDefinition<_application_ApplicationManifestQuery, _application_ApplicationManifestQuery__Output>;
    ApplicationPatchRequest: MessageTypeDefinition<_application_ApplicationPatchRequest, _application_ApplicationPatchRequest__Output>;
    ApplicationPodLogsQuery: MessageTypeDefinition<_application_ApplicationPodLogsQuery, _application_ApplicationPodLogsQuery__Output>;
    ApplicationQuery: MessageTypeDefinition<_application_ApplicationQuery, _application_ApplicationQuery__Output>;
    ApplicationResourceDeleteRequest: MessageTypeDefinition<
      _application_ApplicationResourceDeleteRequest,
      _application_ApplicationResourceDeleteRequest__Output
    >;
    ApplicationResourceEventsQuery: MessageTypeDefinition<
      _application_ApplicationResourceEventsQuery,
      _application_ApplicationResourceEventsQuery__Output
    >;
    ApplicationResourcePatchRequest: MessageTypeDefinition<
      _application_ApplicationResourcePatchRequest,
      _application_ApplicationResourcePatchRequest__Output
    >;
    ApplicationResourceRequest: MessageTypeDefinition<
      _application_ApplicationResourceRequest,
      _application_ApplicationResourceRequest__Output
    >;
    ApplicationResourceResponse: MessageTypeDefinition<
      _application_ApplicationResourceResponse,
      _application_ApplicationResourceResponse__Output
    >;
    ApplicationResponse: MessageTypeDefinition<_application_ApplicationResponse, _application_ApplicationResponse__Output>;
    ApplicationRollbackRequest: MessageTypeDefinition<
      _application_ApplicationRollbackRequest,
      _application_ApplicationRollbackRequest__Output
    >;
    ApplicationServerSideDiffQuery: MessageTypeDefinition<
      _application_ApplicationServerSideDiffQuery,
      _application_ApplicationServerSideDiffQuery__Output
    >;
    ApplicationServerSideDiffResponse: MessageTypeDefinition<
      _application_ApplicationServerSideDiffResponse,
      _application_ApplicationServerSideDiffResponse__Output
    >;
    ApplicationService: SubtypeConstructor<typeof grpc.Client, _application_ApplicationServiceClient> & {
      service: _application_ApplicationServiceDefinition;
    };
    ApplicationSyncRequest: MessageTypeDefinition<_application_ApplicationSyncRequest, _application_ApplicationSyncRequest__Output>;
    ApplicationSyncWindowsQuery: MessageTypeDefinition<
      _application_ApplicationSyncWindowsQuery,
      _application_ApplicationSyncWindowsQuery__Output
    >;
    ApplicationUpdateRequest: MessageTypeDefinition<_application_ApplicationUpdateRequest, _application_ApplicationUpdateRequest__Output>;
    ApplicationUpdateSpecRequest: MessageTypeDefinition<
      _application_ApplicationUpdateSpecRequest,
      _application_ApplicationUpdateSpecRequest__Output
    >;
    ApplicationWatchEvent: MessageTypeDefinition<_application_ApplicationWatchEvent, _application_ApplicationWatchEvent__Output>;
    LinkInfo: MessageTypeDefinition<_application_LinkInfo, _application_LinkInfo__Output>;
    LinksResponse: MessageTypeDefinition<_application_LinksResponse, _application_LinksResponse__Output>;
    ListAppLinksRequest: MessageTypeDefinition<_application_ListAppLinksRequest, _application_ListAppLinksRequest__Output>;
    LogEntry: MessageTypeDefinition<_application_LogEntry, _application_LogEntry__Output>;
    OperationTerminateRequest: MessageTypeDefinition<
      _application_OperationTerminateRequest,
      _application_OperationTerminateRequest__Output
    >;
    OperationTerminateResponse: MessageTypeDefinition<
      _application_OperationTerminateResponse,
      _application_OperationTerminateResponse__Output
    >;
    ResourceAction: MessageTypeDefinition<_application_ResourceAction, _application_ResourceAction__Output>;
    ResourceActionParam: MessageTypeDefinition<_application_ResourceActionParam, _application_ResourceActionParam__Output>;
    ResourceActionParameters: MessageTypeDefinition<_application_ResourceActionParameters, _application_ResourceActionParameters__Output>;
    ResourceActionRunRequest: MessageTypeDefinition<_application_ResourceActionRunRequest, _application_ResourceActionRunRequest__Output>;
    ResourceActionRunRequestV2: MessageTypeDefinition<
      _application_ResourceActionRunRequestV2,
      _application_ResourceActionRunRequestV2__Output
    >;
    ResourceActionsListResponse: MessageTypeDefinition<
      _application_ResourceActionsListResponse,
      _application_ResourceActionsListResponse__Output
    >;
    ResourcesQuery: MessageTypeDefinition<_application_ResourcesQuery, _application_ResourcesQuery__Output>;
    RetryBackoff: MessageTypeDefinition<_application_RetryBackoff, _application_RetryBackoff__Output>;
    RetryStrategy: MessageTypeDefinition<_application_RetryStrategy, _application_RetryStrategy__Output>;
    RevisionMetadataQuery: MessageTypeDefinition<_application_RevisionMetadataQuery, _application_RevisionMetadataQuery__Output>;
    SyncOperationResource: MessageTypeDefinition<_application_SyncOperationResource, _application_SyncOperationResource__Output>;
    SyncOptions: MessageTypeDefinition<_application_SyncOptions, _application_SyncOptions__Output>;
    SyncStrategy: MessageTypeDefinition<_application_SyncStrategy, _application_SyncStrategy__Output>;
    SyncStrategyApply: MessageTypeDefinition<_application_SyncStrategyApply, _application_SyncStrategyApply__Output>;
    Time: MessageTypeDefinition<_application_Time, _application_Time__Output>;
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
