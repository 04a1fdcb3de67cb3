// Original file: proto/application/application.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type {
  ApplicationCreateRequest as _application_ApplicationCreateRequest,
  ApplicationCreateRequest__Output as _application_ApplicationCreateRequest__Output,
} from '../application/ApplicationCreateRequest';
import type {
  ApplicationDeleteRequest as _application_ApplicationDeleteRequest,
  ApplicationDeleteRequest__Output as _application_ApplicationDeleteRequest__Output,
} from '../application/ApplicationDeleteRequest';
import type {
  ApplicationManifestQuery as _application_ApplicationManifestQuery,
  ApplicationManifestQuery__Output as _application_ApplicationManifestQuery__Output,
} from '../application/ApplicationManifestQuery';
import type {
  ApplicationPatchRequest as _application_ApplicationPatchRequest,
  ApplicationPatchRequest__Output as _application_ApplicationPatchRequest__Output,
} from '../application/ApplicationPatchRequest';
import type {
  ApplicationPodLogsQuery as _application_ApplicationPodLogsQuery,
  ApplicationPodLogsQuery__Output as _application_ApplicationPodLogsQuery__Output,
} from '../application/ApplicationPodLogsQuery';
import type {
  ApplicationQuery as _application_ApplicationQuery,
  ApplicationQuery__Output as _application_ApplicationQuery__Output,
} from '../application/ApplicationQuery';
import type {
  ApplicationResourceDeleteRequest as _application_ApplicationResourceDeleteRequest,
  ApplicationResourceDeleteRequest__Output as _application_ApplicationResourceDeleteRequest__Output,
} from '../application/ApplicationResourceDeleteRequest';
import type {
  ApplicationResourceEventsQuery as _application_ApplicationResourceEventsQuery,
  ApplicationResourceEventsQuery__Output as _application_ApplicationResourceEventsQuery__Output,
} from '../application/ApplicationResourceEventsQuery';
import type {
  ApplicationResourcePatchRequest as _application_ApplicationResourcePatchRequest,
  ApplicationResourcePatchRequest__Output as _application_ApplicationResourcePatchRequest__Output,
} from '../application/ApplicationResourcePatchRequest';
import type {
  ApplicationResourceRequest as _application_ApplicationResourceRequest,
  ApplicationResourceRequest__Output as _application_ApplicationResourceRequest__Output,
} from '../application/ApplicationResourceRequest';
import type {
  ApplicationResourceResponse as _application_ApplicationResourceResponse,
  ApplicationResourceResponse__Output as _application_ApplicationResourceResponse__Output,
} from '../application/ApplicationResourceResponse';
import type {
  ApplicationResponse as _application_ApplicationResponse,
  ApplicationResponse__Output as _application_ApplicationResponse__Output,
} from '../application/ApplicationResponse';
import type {
  ApplicationRollbackRequest as _application_ApplicationRollbackRequest,
  ApplicationRollbackRequest__Output as _application_ApplicationRollbackRequest__Output,
} from '../application/ApplicationRollbackRequest';
import type {
  ApplicationServerSideDiffQuery as _application_ApplicationServerSideDiffQuery,
  ApplicationServerSideDiffQuery__Output as _application_ApplicationServerSideDiffQuery__Output,
} from '../application/ApplicationServerSideDiffQuery';
import type {
  ApplicationServerSideDiffResponse as _application_ApplicationServerSideDiffResponse,
  ApplicationServerSideDiffResponse__Output as _application_ApplicationServerSideDiffResponse__Output,
} from '../application/ApplicationServerSideDiffResponse';
import type {
  ApplicationSyncRequest as _application_ApplicationSyncRequest,
  ApplicationSyncRequest__Output as _application_ApplicationSyncRequest__Output,
} from '../application/ApplicationSyncRequest';
import type {
  ApplicationSyncWindowsQuery as _application_ApplicationSyncWindowsQuery,
  ApplicationSyncWindowsQuery__Output as _application_ApplicationSyncWindowsQuery__Output,
} from '../application/ApplicationSyncWindowsQuery';
import type {
  ApplicationUpdateRequest as _application_ApplicationUpdateRequest,
  ApplicationUpdateRequest__Output as _application_ApplicationUpdateRequest__Output,
} from '../application/ApplicationUpdateRequest';
import type {
  ApplicationUpdateSpecRequest as _application_ApplicationUpdateSpecRequest,
  ApplicationUpdateSpecRequest__Output as _application_ApplicationUpdateSpecRequest__Output,
} from '../application/ApplicationUpdateSpecRequest';
import type {
  ApplicationWatchEvent as _application_ApplicationWatchEvent,
  ApplicationWatchEvent__Output as _application_ApplicationWatchEvent__Output,
} from '../application/ApplicationWatchEvent';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from '../flotilla/JsonObjectList';
import type {
  LinksResponse as _application_LinksResponse,
  LinksResponse__Output as _application_LinksResponse__Output,
} from '../application/LinksResponse';
import type {
  ListAppLinksRequest as _application_ListAppLinksRequest,
  ListAppLinksRequest__Output as _application_ListAppLinksRequest__Output,
} from '../application/ListAppLinksRequest';
import type { LogEntry as _application_LogEntry, LogEntry__Output as _application_LogEntry__Output } from '../application/LogEntry';
import type {
  OperationTerminateRequest as _application_OperationTerminateRequest,
  OperationTerminateRequest__Output as _application_OperationTerminateRequest__Output,
} from '../application/OperationTerminateRequest';
import type {
  OperationTerminateResponse as _application_OperationTerminateResponse,
  OperationTerminateResponse__Output as _application_OperationTerminateResponse__Output,
} from '../application/OperationTerminateResponse';
import type {
  ResourceActionRunRequest as _application_ResourceActionRunRequest,
  ResourceActionRunRequest__Output as _application_ResourceActionRunRequest__Output,
} from '../application/ResourceActionRunRequest';
import type {
  ResourceActionRunRequestV2 as _application_ResourceActionRunRequestV2,
  ResourceActionRunRequestV2__Output as _application_ResourceActionRunRequestV2__Output,
} from '../application/ResourceActionRunRequestV2';
import type {
  ResourceActionsListResponse as _application_ResourceActionsListResponse,
  ResourceActionsListResponse__Output as _application_ResourceActionsListResponse__Output,
} from '../application/ResourceActionsListResponse';
import type {
  ResourcesQuery as _application_ResourcesQuery,
  ResourcesQuery__Output as _application_ResourcesQuery__Output,
} from '../application/ResourcesQuery';
import type {
  RevisionMetadataQuery as _application_RevisionMetadataQuery,
  RevisionMetadataQuery__Output as _application_RevisionMetadataQuery__Output,
} from '../application/RevisionMetadataQuery';

export interface ApplicationServiceClient extends grpc.Client {
  Create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _application_ApplicationCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Create(
    argument: _application_ApplicationCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  create(
    argument: _application_ApplicationCreateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  Delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _application_ApplicationDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  Delete(
    argument: _application_ApplicationDeleteRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  delete(
    argument: _application_ApplicationDeleteRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;

  DeleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  DeleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  deleteResource(
    argument: _application_ApplicationResourceDeleteRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;

  Get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Get(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  get(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  /**
   * The project's sync windows assigned to the app, those open now, and canSync (for a manual sync), as Argo's ApplicationSyncWindowsResponse.
   */
  GetApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The project's sync windows assigned to the app, those open now, and canSync (for a manual sync), as Argo's ApplicationSyncWindowsResponse.
   */
  getApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getApplicationSyncWindows(
    argument: _application_ApplicationSyncWindowsQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * The manifests repo-server renders for the Application (at a revision, if given), as Argo's ManifestResponse.
   */
  GetManifests(
    argument: _application_ApplicationManifestQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetManifests(
    argument: _application_ApplicationManifestQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetManifests(
    argument: _application_ApplicationManifestQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetManifests(
    argument: _application_ApplicationManifestQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The manifests repo-server renders for the Application (at a revision, if given), as Argo's ManifestResponse.
   */
  getManifests(
    argument: _application_ApplicationManifestQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getManifests(
    argument: _application_ApplicationManifestQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getManifests(
    argument: _application_ApplicationManifestQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getManifests(
    argument: _application_ApplicationManifestQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * The live manifest of one resource of the Application, read from its destination cluster.
   */
  GetResource(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetResource(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetResource(
    argument: _application_ApplicationResourceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetResource(
    argument: _application_ApplicationResourceRequest,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The live manifest of one resource of the Application, read from its destination cluster.
   */
  getResource(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  getResource(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  getResource(
    argument: _application_ApplicationResourceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  getResource(
    argument: _application_ApplicationResourceRequest,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;

  List(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  List(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;
  list(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(
    argument: _application_ApplicationQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>,
  ): grpc.ClientUnaryCall;
  list(argument: _application_ApplicationQuery, callback: grpc.requestCallback<_flotilla_JsonObjectList__Output>): grpc.ClientUnaryCall;

  /**
   * argocd-cm's application.links rendered for the Application (Go templates over app, cluster and managedByURL).
   */
  ListLinks(
    argument: _application_ListAppLinksRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListLinks(
    argument: _application_ListAppLinksRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListLinks(
    argument: _application_ListAppLinksRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListLinks(
    argument: _application_ListAppLinksRequest,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * argocd-cm's application.links rendered for the Application (Go templates over app, cluster and managedByURL).
   */
  listLinks(
    argument: _application_ListAppLinksRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLinks(
    argument: _application_ListAppLinksRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLinks(
    argument: _application_ListAppLinksRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;
  listLinks(
    argument: _application_ListAppLinksRequest,
    callback: grpc.requestCallback<_application_LinksResponse__Output>,
  ): grpc.ClientUnaryCall;

  ListResourceActions(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListResourceActions(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListResourceActions(
    argument: _application_ApplicationResourceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  ListResourceActions(
    argument: _application_ApplicationResourceRequest,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  listResourceActions(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  listResourceActions(
    argument: _application_ApplicationResourceRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  listResourceActions(
    argument: _application_ApplicationResourceRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;
  listResourceActions(
    argument: _application_ApplicationResourceRequest,
    callback: grpc.requestCallback<_application_ResourceActionsListResponse__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * The Application's Events (from the hub), or one resource's (from its destination cluster), as a Kubernetes EventList.
   */
  ListResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ListResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ListResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ListResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The Application's Events (from the hub), or one resource's (from its destination cluster), as a Kubernetes EventList.
   */
  listResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  listResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  listResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  listResourceEvents(
    argument: _application_ApplicationResourceEventsQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * The rendered manifests the Application currently wants.
   */
  ManagedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ManagedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ManagedResources(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ManagedResources(
    argument: _application_ResourcesQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * The rendered manifests the Application currently wants.
   */
  managedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  managedResources(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  managedResources(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  managedResources(
    argument: _application_ResourcesQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  Patch(
    argument: _application_ApplicationPatchRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Patch(
    argument: _application_ApplicationPatchRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Patch(
    argument: _application_ApplicationPatchRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Patch(argument: _application_ApplicationPatchRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  patch(
    argument: _application_ApplicationPatchRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  patch(
    argument: _application_ApplicationPatchRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  patch(
    argument: _application_ApplicationPatchRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  patch(argument: _application_ApplicationPatchRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  PatchResource(
    argument: _application_ApplicationResourcePatchRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  PatchResource(
    argument: _application_ApplicationResourcePatchRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  PatchResource(
    argument: _application_ApplicationResourcePatchRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  PatchResource(
    argument: _application_ApplicationResourcePatchRequest,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  patchResource(
    argument: _application_ApplicationResourcePatchRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  patchResource(
    argument: _application_ApplicationResourcePatchRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  patchResource(
    argument: _application_ApplicationResourcePatchRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;
  patchResource(
    argument: _application_ApplicationResourcePatchRequest,
    callback: grpc.requestCallback<_application_ApplicationResourceResponse__Output>,
  ): grpc.ClientUnaryCall;

  PodLogs(
    argument: _application_ApplicationPodLogsQuery,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_LogEntry__Output>;
  PodLogs(
    argument: _application_ApplicationPodLogsQuery,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_LogEntry__Output>;
  podLogs(
    argument: _application_ApplicationPodLogsQuery,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_LogEntry__Output>;
  podLogs(
    argument: _application_ApplicationPodLogsQuery,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_LogEntry__Output>;

  /**
   * The live resource tree the controller last recorded for the Application.
   */
  ResourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  ResourceTree(argument: _application_ResourcesQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  /**
   * The live resource tree the controller last recorded for the Application.
   */
  resourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(
    argument: _application_ResourcesQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  resourceTree(argument: _application_ResourcesQuery, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  /**
   * Author, date, message and tags of a commit of the Application's source, from repo-server (Argo's RevisionMetadata).
   */
  RevisionMetadata(
    argument: _application_RevisionMetadataQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  RevisionMetadata(
    argument: _application_RevisionMetadataQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  RevisionMetadata(
    argument: _application_RevisionMetadataQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  RevisionMetadata(
    argument: _application_RevisionMetadataQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Author, date, message and tags of a commit of the Application's source, from repo-server (Argo's RevisionMetadata).
   */
  revisionMetadata(
    argument: _application_RevisionMetadataQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  revisionMetadata(
    argument: _application_RevisionMetadataQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  revisionMetadata(
    argument: _application_RevisionMetadataQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  revisionMetadata(
    argument: _application_RevisionMetadataQuery,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * Syncs back to an earlier deployment from status.history; refused while auto-sync is on.
   */
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Rollback(
    argument: _application_ApplicationRollbackRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Syncs back to an earlier deployment from status.history; refused while auto-sync is on.
   */
  rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  rollback(
    argument: _application_ApplicationRollbackRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  rollback(
    argument: _application_ApplicationRollbackRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  rollback(
    argument: _application_ApplicationRollbackRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  RunResourceAction(
    argument: _application_ResourceActionRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  RunResourceAction(
    argument: _application_ResourceActionRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  RunResourceAction(
    argument: _application_ResourceActionRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  RunResourceAction(
    argument: _application_ResourceActionRunRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceAction(
    argument: _application_ResourceActionRunRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceAction(
    argument: _application_ResourceActionRunRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceAction(
    argument: _application_ResourceActionRunRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceAction(
    argument: _application_ResourceActionRunRequest,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;

  RunResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  RunResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  RunResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  RunResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;
  runResourceActionV2(
    argument: _application_ResourceActionRunRequestV2,
    callback: grpc.requestCallback<_application_ApplicationResponse__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * Compares live resources with target manifests by a server-side dry-run apply on the destination.
   */
  ServerSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  ServerSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  ServerSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  ServerSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Compares live resources with target manifests by a server-side dry-run apply on the destination.
   */
  serverSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  serverSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  serverSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;
  serverSideDiff(
    argument: _application_ApplicationServerSideDiffQuery,
    callback: grpc.requestCallback<_application_ApplicationServerSideDiffResponse__Output>,
  ): grpc.ClientUnaryCall;

  Sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Sync(
    argument: _application_ApplicationSyncRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Sync(argument: _application_ApplicationSyncRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;
  sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  sync(
    argument: _application_ApplicationSyncRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  sync(
    argument: _application_ApplicationSyncRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  sync(argument: _application_ApplicationSyncRequest, callback: grpc.requestCallback<_flotilla_JsonObject__Output>): grpc.ClientUnaryCall;

  /**
   * Asks the controller to stop the running operation (it marks it Failed "Operation terminated").
   */
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  TerminateOperation(
    argument: _application_OperationTerminateRequest,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Asks the controller to stop the running operation (it marks it Failed "Operation terminated").
   */
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;
  terminateOperation(
    argument: _application_OperationTerminateRequest,
    callback: grpc.requestCallback<_application_OperationTerminateResponse__Output>,
  ): grpc.ClientUnaryCall;

  Update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _application_ApplicationUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  Update(
    argument: _application_ApplicationUpdateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  update(
    argument: _application_ApplicationUpdateRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * Replaces the spec; answers with the spec stored.
   */
  UpdateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  UpdateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  UpdateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  UpdateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Replaces the spec; answers with the spec stored.
   */
  updateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  updateSpec(
    argument: _application_ApplicationUpdateSpecRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  Watch(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_ApplicationWatchEvent__Output>;
  Watch(
    argument: _application_ApplicationQuery,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_ApplicationWatchEvent__Output>;
  watch(
    argument: _application_ApplicationQuery,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_ApplicationWatchEvent__Output>;
  watch(
    argument: _application_ApplicationQuery,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_application_ApplicationWatchEvent__Output>;

  WatchResourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_flotilla_JsonObject__Output>;
  WatchResourceTree(
    argument: _application_ResourcesQuery,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_flotilla_JsonObject__Output>;
  watchResourceTree(
    argument: _application_ResourcesQuery,
    metadata: grpc.Metadata,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_flotilla_JsonObject__Output>;
  watchResourceTree(
    argument: _application_ResourcesQuery,
    options?: grpc.CallOptions,
  ): grpc.ClientReadableStream<_flotilla_JsonObject__Output>;
}

export interface ApplicationServiceHandlers extends grpc.UntypedServiceImplementation {
  Create: grpc.handleUnaryCall<_application_ApplicationCreateRequest__Output, _flotilla_JsonObject>;

  Delete: grpc.handleUnaryCall<_application_ApplicationDeleteRequest__Output, _application_ApplicationResponse>;

  DeleteResource: grpc.handleUnaryCall<_application_ApplicationResourceDeleteRequest__Output, _application_ApplicationResponse>;

  Get: grpc.handleUnaryCall<_application_ApplicationQuery__Output, _flotilla_JsonObject>;

  /**
   * The project's sync windows assigned to the app, those open now, and canSync (for a manual sync), as Argo's ApplicationSyncWindowsResponse.
   */
  GetApplicationSyncWindows: grpc.handleUnaryCall<_application_ApplicationSyncWindowsQuery__Output, _flotilla_JsonObject>;

  /**
   * The manifests repo-server renders for the Application (at a revision, if given), as Argo's ManifestResponse.
   */
  GetManifests: grpc.handleUnaryCall<_application_ApplicationManifestQuery__Output, _flotilla_JsonObject>;

  /**
   * The live manifest of one resource of the Application, read from its destination cluster.
   */
  GetResource: grpc.handleUnaryCall<_application_ApplicationResourceRequest__Output, _application_ApplicationResourceResponse>;

  List: grpc.handleUnaryCall<_application_ApplicationQuery__Output, _flotilla_JsonObjectList>;

  /**
   * argocd-cm's application.links rendered for the Application (Go templates over app, cluster and managedByURL).
   */
  ListLinks: grpc.handleUnaryCall<_application_ListAppLinksRequest__Output, _application_LinksResponse>;

  ListResourceActions: grpc.handleUnaryCall<_application_ApplicationResourceRequest__Output, _application_ResourceActionsListResponse>;

  /**
   * The Application's Events (from the hub), or one resource's (from its destination cluster), as a Kubernetes EventList.
   */
  ListResourceEvents: grpc.handleUnaryCall<_application_ApplicationResourceEventsQuery__Output, _flotilla_JsonObject>;

  /**
   * The rendered manifests the Application currently wants.
   */
  ManagedResources: grpc.handleUnaryCall<_application_ResourcesQuery__Output, _flotilla_JsonObject>;

  Patch: grpc.handleUnaryCall<_application_ApplicationPatchRequest__Output, _flotilla_JsonObject>;

  PatchResource: grpc.handleUnaryCall<_application_ApplicationResourcePatchRequest__Output, _application_ApplicationResourceResponse>;

  PodLogs: grpc.handleServerStreamingCall<_application_ApplicationPodLogsQuery__Output, _application_LogEntry>;

  /**
   * The live resource tree the controller last recorded for the Application.
   */
  ResourceTree: grpc.handleUnaryCall<_application_ResourcesQuery__Output, _flotilla_JsonObject>;

  /**
   * Author, date, message and tags of a commit of the Application's source, from repo-server (Argo's RevisionMetadata).
   */
  RevisionMetadata: grpc.handleUnaryCall<_application_RevisionMetadataQuery__Output, _flotilla_JsonObject>;

  /**
   * Syncs back to an earlier deployment from status.history; refused while auto-sync is on.
   */
  Rollback: grpc.handleUnaryCall<_application_ApplicationRollbackRequest__Output, _flotilla_JsonObject>;

  RunResourceAction: grpc.handleUnaryCall<_application_ResourceActionRunRequest__Output, _application_ApplicationResponse>;

  RunResourceActionV2: grpc.handleUnaryCall<_application_ResourceActionRunRequestV2__Output, _application_ApplicationResponse>;

  /**
   * Compares live resources with target manifests by a server-side dry-run apply on the destination.
   */
  ServerSideDiff: grpc.handleUnaryCall<_application_ApplicationServerSideDiffQuery__Output, _application_ApplicationServerSideDiffResponse>;

  Sync: grpc.handleUnaryCall<_application_ApplicationSyncRequest__Output, _flotilla_JsonObject>;

  /**
   * Asks the controller to stop the running operation (it marks it Failed "Operation terminated").
   */
  TerminateOperation: grpc.handleUnaryCall<_application_OperationTerminateRequest__Output, _application_OperationTerminateResponse>;

  Update: grpc.handleUnaryCall<_application_ApplicationUpdateRequest__Output, _flotilla_JsonObject>;

  /**
   * Replaces the spec; answers with the spec stored.
   */
  UpdateSpec: grpc.handleUnaryCall<_application_ApplicationUpdateSpecRequest__Output, _flotilla_JsonObject>;

  Watch: grpc.handleServerStreamingCall<_application_ApplicationQuery__Output, _application_ApplicationWatchEvent>;

  WatchResourceTree: grpc.handleServerStreamingCall<_application_ResourcesQuery__Output, _flotilla_JsonObject>;
}

export interface ApplicationServiceDefinition extends grpc.ServiceDefinition {
  Create: MethodDefinition<
    _application_ApplicationCreateRequest,
    _flotilla_JsonObject,
    _application_ApplicationCreateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Delete: MethodDefinition<
    _application_ApplicationDeleteRequest,
    _application_ApplicationResponse,
    _application_ApplicationDeleteRequest__Output,
    _application_ApplicationResponse__Output
  >;
  DeleteResource: MethodDefinition<
    _application_ApplicationResourceDeleteRequest,
    _application_ApplicationResponse,
    _application_ApplicationResourceDeleteRequest__Output,
    _application_ApplicationResponse__Output
  >;
  Get: MethodDefinition<
    _application_ApplicationQuery,
    _flotilla_JsonObject,
    _application_ApplicationQuery__Output,
    _flotilla_JsonObject__Output
  >;
  GetApplicationSyncWindows: MethodDefinition<
    _application_ApplicationSyncWindowsQuery,
    _flotilla_JsonObject,
    _application_ApplicationSyncWindowsQuery__Output,
    _flotilla_JsonObject__Output
  >;
  GetManifests: MethodDefinition<
    _application_ApplicationManifestQuery,
    _flotilla_JsonObject,
    _application_ApplicationManifestQuery__Output,
    _flotilla_JsonObject__Output
  >;
  GetResource: MethodDefinition<
    _application_ApplicationResourceRequest,
    _application_ApplicationResourceResponse,
    _application_ApplicationResourceRequest__Output,
    _application_ApplicationResourceResponse__Output
  >;
  List: MethodDefinition<
    _application_ApplicationQuery,
    _flotilla_JsonObjectList,
    _application_ApplicationQuery__Output,
    _flotilla_JsonObjectList__Output
  >;
  ListLinks: MethodDefinition<
    _application_ListAppLinksRequest,
    _application_LinksResponse,
    _application_ListAppLinksRequest__Output,
    _application_LinksResponse__Output
  >;
  ListResourceActions: MethodDefinition<
    _application_ApplicationResourceRequest,
    _application_ResourceActionsListResponse,
    _application_ApplicationResourceRequest__Output,
    _application_ResourceActionsListResponse__Output
  >;
  ListResourceEvents: MethodDefinition<
    _application_ApplicationResourceEventsQuery,
    _flotilla_JsonObject,
    _application_ApplicationResourceEventsQuery__Output,
    _flotilla_JsonObject__Output
  >;
  ManagedResources: MethodDefinition<
    _application_ResourcesQuery,
    _flotilla_JsonObject,
    _application_ResourcesQuery__Output,
    _flotilla_JsonObject__Output
  >;
  Patch: MethodDefinition<
    _application_ApplicationPatchRequest,
    _flotilla_JsonObject,
    _application_ApplicationPatchRequest__Output,
    _flotilla_JsonObject__Output
  >;
  PatchResource: MethodDefinition<
    _application_ApplicationResourcePatchRequest,
    _application_ApplicationResourceResponse,
    _application_ApplicationResourcePatchRequest__Output,
    _application_ApplicationResourceResponse__Output
  >;
  PodLogs: MethodDefinition<
    _application_ApplicationPodLogsQuery,
    _application_LogEntry,
    _application_ApplicationPodLogsQuery__Output,
    _application_LogEntry__Output
  >;
  ResourceTree: MethodDefinition<
    _application_ResourcesQuery,
    _flotilla_JsonObject,
    _application_ResourcesQuery__Output,
    _flotilla_JsonObject__Output
  >;
  RevisionMetadata: MethodDefinition<
    _application_RevisionMetadataQuery,
    _flotilla_JsonObject,
    _application_RevisionMetadataQuery__Output,
    _flotilla_JsonObject__Output
  >;
  Rollback: MethodDefinition<
    _application_ApplicationRollbackRequest,
    _flotilla_JsonObject,
    _application_ApplicationRollbackRequest__Output,
    _flotilla_JsonObject__Output
  >;
  RunResourceAction: MethodDefinition<
    _application_ResourceActionRunRequest,
    _application_ApplicationResponse,
    _application_ResourceActionRunRequest__Output,
    _application_ApplicationResponse__Output
  >;
  RunResourceActionV2: MethodDefinition<
    _application_ResourceActionRunRequestV2,
    _application_ApplicationResponse,
    _application_ResourceActionRunRequestV2__Output,
    _application_ApplicationResponse__Output
  >;
  ServerSideDiff: MethodDefinition<
    _application_ApplicationServerSideDiffQuery,
    _application_ApplicationServerSideDiffResponse,
    _application_ApplicationServerSideDiffQuery__Output,
    _application_ApplicationServerSideDiffResponse__Output
  >;
  Sync: MethodDefinition<
    _application_ApplicationSyncRequest,
    _flotilla_JsonObject,
    _application_ApplicationSyncRequest__Output,
    _flotilla_JsonObject__Output
  >;
  TerminateOperation: MethodDefinition<
    _application_OperationTerminateRequest,
    _application_OperationTerminateResponse,
    _application_OperationTerminateRequest__Output,
    _application_OperationTerminateResponse__Output
  >;
  Update: MethodDefinition<
    _application_ApplicationUpdateRequest,
    _flotilla_JsonObject,
    _application_ApplicationUpdateRequest__Output,
    _flotilla_JsonObject__Output
  >;
  UpdateSpec: MethodDefinition<
    _application_ApplicationUpdateSpecRequest,
    _flotilla_JsonObject,
    _application_ApplicationUpdateSpecRequest__Output,
    _flotilla_JsonObject__Output
  >;
  Watch: MethodDefinition<
    _application_ApplicationQuery,
    _application_ApplicationWatchEvent,
    _application_ApplicationQuery__Output,
    _application_ApplicationWatchEvent__Output
  >;
  WatchResourceTree: MethodDefinition<
    _application_ResourcesQuery,
    _flotilla_JsonObject,
    _application_ResourcesQuery__Output,
    _flotilla_JsonObject__Output
  >;
}
