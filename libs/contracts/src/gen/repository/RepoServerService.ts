// Original file: proto/reposerver/reposerver.proto

import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { AppList as _repository_AppList, AppList__Output as _repository_AppList__Output } from '../repository/AppList';
import type {
  GitDirectoriesRequest as _repository_GitDirectoriesRequest,
  GitDirectoriesRequest__Output as _repository_GitDirectoriesRequest__Output,
} from '../repository/GitDirectoriesRequest';
import type {
  GitDirectoriesResponse as _repository_GitDirectoriesResponse,
  GitDirectoriesResponse__Output as _repository_GitDirectoriesResponse__Output,
} from '../repository/GitDirectoriesResponse';
import type {
  GitFilesRequest as _repository_GitFilesRequest,
  GitFilesRequest__Output as _repository_GitFilesRequest__Output,
} from '../repository/GitFilesRequest';
import type {
  GitFilesResponse as _repository_GitFilesResponse,
  GitFilesResponse__Output as _repository_GitFilesResponse__Output,
} from '../repository/GitFilesResponse';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from '../flotilla/JsonObject';
import type {
  ListAppsRequest as _repository_ListAppsRequest,
  ListAppsRequest__Output as _repository_ListAppsRequest__Output,
} from '../repository/ListAppsRequest';
import type {
  ListRefsRequest as _repository_ListRefsRequest,
  ListRefsRequest__Output as _repository_ListRefsRequest__Output,
} from '../repository/ListRefsRequest';
import type {
  ManifestRequest as _repository_ManifestRequest,
  ManifestRequest__Output as _repository_ManifestRequest__Output,
} from '../repository/ManifestRequest';
import type {
  ManifestResponse as _repository_ManifestResponse,
  ManifestResponse__Output as _repository_ManifestResponse__Output,
} from '../repository/ManifestResponse';
import type { Refs as _repository_Refs, Refs__Output as _repository_Refs__Output } from '../repository/Refs';
import type {
  RepoAppDetailsResponse as _repository_RepoAppDetailsResponse,
  RepoAppDetailsResponse__Output as _repository_RepoAppDetailsResponse__Output,
} from '../repository/RepoAppDetailsResponse';
import type {
  RepoServerAppDetailsQuery as _repository_RepoServerAppDetailsQuery,
  RepoServerAppDetailsQuery__Output as _repository_RepoServerAppDetailsQuery__Output,
} from '../repository/RepoServerAppDetailsQuery';
import type {
  ResolveRevisionRequest as _repository_ResolveRevisionRequest,
  ResolveRevisionRequest__Output as _repository_ResolveRevisionRequest__Output,
} from '../repository/ResolveRevisionRequest';
import type {
  ResolveRevisionResponse as _repository_ResolveRevisionResponse,
  ResolveRevisionResponse__Output as _repository_ResolveRevisionResponse__Output,
} from '../repository/ResolveRevisionResponse';
import type {
  RevisionMetadataRequest as _repository_RevisionMetadataRequest,
  RevisionMetadataRequest__Output as _repository_RevisionMetadataRequest__Output,
} from '../repository/RevisionMetadataRequest';

export interface RepoServerServiceClient extends grpc.Client {
  GenerateManifest(
    argument: _repository_ManifestRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  GenerateManifest(
    argument: _repository_ManifestRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  GenerateManifest(
    argument: _repository_ManifestRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  GenerateManifest(
    argument: _repository_ManifestRequest,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  generateManifest(
    argument: _repository_ManifestRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  generateManifest(
    argument: _repository_ManifestRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  generateManifest(
    argument: _repository_ManifestRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;
  generateManifest(
    argument: _repository_ManifestRequest,
    callback: grpc.requestCallback<_repository_ManifestResponse__Output>,
  ): grpc.ClientUnaryCall;

  GetAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;
  getAppDetails(
    argument: _repository_RepoServerAppDetailsQuery,
    callback: grpc.requestCallback<_repository_RepoAppDetailsResponse__Output>,
  ): grpc.ClientUnaryCall;

  GetGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitDirectories(
    argument: _repository_GitDirectoriesRequest,
    callback: grpc.requestCallback<_repository_GitDirectoriesResponse__Output>,
  ): grpc.ClientUnaryCall;

  GetGitFiles(
    argument: _repository_GitFilesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetGitFiles(
    argument: _repository_GitFilesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetGitFiles(
    argument: _repository_GitFilesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  GetGitFiles(
    argument: _repository_GitFilesRequest,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitFiles(
    argument: _repository_GitFilesRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitFiles(
    argument: _repository_GitFilesRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitFiles(
    argument: _repository_GitFilesRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;
  getGitFiles(
    argument: _repository_GitFilesRequest,
    callback: grpc.requestCallback<_repository_GitFilesResponse__Output>,
  ): grpc.ClientUnaryCall;

  /**
   * Author, date, message and tags of a commit (Argo's RevisionMetadata, as JSON).
   */
  GetRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  GetRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  /**
   * Author, date, message and tags of a commit (Argo's RevisionMetadata, as JSON).
   */
  getRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;
  getRevisionMetadata(
    argument: _repository_RevisionMetadataRequest,
    callback: grpc.requestCallback<_flotilla_JsonObject__Output>,
  ): grpc.ClientUnaryCall;

  ListApps(
    argument: _repository_ListAppsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppList__Output>,
  ): grpc.ClientUnaryCall;
  ListApps(
    argument: _repository_ListAppsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_AppList__Output>,
  ): grpc.ClientUnaryCall;
  ListApps(
    argument: _repository_ListAppsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppList__Output>,
  ): grpc.ClientUnaryCall;
  ListApps(argument: _repository_ListAppsRequest, callback: grpc.requestCallback<_repository_AppList__Output>): grpc.ClientUnaryCall;
  listApps(
    argument: _repository_ListAppsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppList__Output>,
  ): grpc.ClientUnaryCall;
  listApps(
    argument: _repository_ListAppsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_AppList__Output>,
  ): grpc.ClientUnaryCall;
  listApps(
    argument: _repository_ListAppsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_AppList__Output>,
  ): grpc.ClientUnaryCall;
  listApps(argument: _repository_ListAppsRequest, callback: grpc.requestCallback<_repository_AppList__Output>): grpc.ClientUnaryCall;

  ListRefs(
    argument: _repository_ListRefsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  ListRefs(
    argument: _repository_ListRefsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  ListRefs(
    argument: _repository_ListRefsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  ListRefs(argument: _repository_ListRefsRequest, callback: grpc.requestCallback<_repository_Refs__Output>): grpc.ClientUnaryCall;
  listRefs(
    argument: _repository_ListRefsRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  listRefs(
    argument: _repository_ListRefsRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  listRefs(
    argument: _repository_ListRefsRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_Refs__Output>,
  ): grpc.ClientUnaryCall;
  listRefs(argument: _repository_ListRefsRequest, callback: grpc.requestCallback<_repository_Refs__Output>): grpc.ClientUnaryCall;

  ResolveRevision(
    argument: _repository_ResolveRevisionRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  ResolveRevision(
    argument: _repository_ResolveRevisionRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  ResolveRevision(
    argument: _repository_ResolveRevisionRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  ResolveRevision(
    argument: _repository_ResolveRevisionRequest,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  resolveRevision(
    argument: _repository_ResolveRevisionRequest,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  resolveRevision(
    argument: _repository_ResolveRevisionRequest,
    metadata: grpc.Metadata,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  resolveRevision(
    argument: _repository_ResolveRevisionRequest,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
  resolveRevision(
    argument: _repository_ResolveRevisionRequest,
    callback: grpc.requestCallback<_repository_ResolveRevisionResponse__Output>,
  ): grpc.ClientUnaryCall;
}

export interface RepoServerServiceHandlers extends grpc.UntypedServiceImplementation {
  GenerateManifest: grpc.handleUnaryCall<_repository_ManifestRequest__Output, _repository_ManifestResponse>;

  GetAppDetails: grpc.handleUnaryCall<_repository_RepoServerAppDetailsQuery__Output, _repository_RepoAppDetailsResponse>;

  GetGitDirectories: grpc.handleUnaryCall<_repository_GitDirectoriesRequest__Output, _repository_GitDirectoriesResponse>;

  GetGitFiles: grpc.handleUnaryCall<_repository_GitFilesRequest__Output, _repository_GitFilesResponse>;

  /**
   * Author, date, message and tags of a commit (Argo's RevisionMetadata, as JSON).
   */
  GetRevisionMetadata: grpc.handleUnaryCall<_repository_RevisionMetadataRequest__Output, _flotilla_JsonObject>;

  ListApps: grpc.handleUnaryCall<_repository_ListAppsRequest__Output, _repository_AppList>;

  ListRefs: grpc.handleUnaryCall<_repository_ListRefsRequest__Output, _repository_Refs>;

  ResolveRevision: grpc.handleUnaryCall<_repository_ResolveRevisionRequest__Output, _repository_ResolveRevisionResponse>;
}

export interface RepoServerServiceDefinition extends grpc.ServiceDefinition {
  GenerateManifest: MethodDefinition<
    _repository_ManifestRequest,
    _repository_ManifestResponse,
    _repository_ManifestRequest__Output,
    _repository_ManifestResponse__Output
  >;
  GetAppDetails: MethodDefinition<
    _repository_RepoServerAppDetailsQuery,
    _repository_RepoAppDetailsResponse,
    _repository_RepoServerAppDetailsQuery__Output,
    _repository_RepoAppDetailsResponse__Output
  >;
  GetGitDirectories: MethodDefinition<
    _repository_GitDirectoriesRequest,
    _repository_GitDirectoriesResponse,
    _repository_GitDirectoriesRequest__Output,
    _repository_GitDirectoriesResponse__Output
  >;
  GetGitFiles: MethodDefinition<
    _repository_GitFilesRequest,
    _repository_GitFilesResponse,
    _repository_GitFilesRequest__Output,
    _repository_GitFilesResponse__Output
  >;
  GetRevisionMetadata: MethodDefinition<
    _repository_RevisionMetadataRequest,
    _flotilla_JsonObject,
    _repository_RevisionMetadataRequest__Output,
    _flotilla_JsonObject__Output
  >;
  ListApps: MethodDefinition<
    _repository_ListAppsRequest,
    _repository_AppList,
    _repository_ListAppsRequest__Output,
    _repository_AppList__Output
  >;
  ListRefs: MethodDefinition<_repository_ListRefsRequest, _repository_Refs, _repository_ListRefsRequest__Output, _repository_Refs__Output>;
  ResolveRevision: MethodDefinition<
    _repository_ResolveRevisionRequest,
    _repository_ResolveRevisionResponse,
    _repository_ResolveRevisionRequest__Output,
    _repository_ResolveRevisionResponse__Output
  >;
}
