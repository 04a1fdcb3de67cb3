import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Empty as _flotilla_Empty, Empty__Output as _flotilla_Empty__Output } from './flotilla/Empty';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from './flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from './flotilla/JsonObjectList';
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
  RepoAppDetailsResponse as _repository_RepoAppDetailsResponse,
  RepoAppDetailsResponse__Output as _repository_RepoAppDetailsResponse__Output,
} from './repository/RepoAppDetailsResponse';
import type {
  RepoServerAppDetailsQuery as _repository_RepoServerAppDetailsQuery,
  RepoServerAppDetailsQuery__Output as _repository_RepoServerAppDetailsQuery__Output,
} from './repository/RepoServerAppDetailsQuery';
import type {
  RepoServerServiceClient as _repository_RepoServerServiceClient,
  RepoServerServiceDefinition as _repository_RepoServerServiceDefinition,
} from './repository/RepoServerService';
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
  repository: {
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
    RepoAppDetailsResponse: MessageTypeDefinition<_repository_RepoAppDetailsResponse, _repository_RepoAppDetailsResponse__Output>;
    RepoServerAppDetailsQuery: MessageTypeDefinition<_repository_RepoServerAppDetailsQuery, _repository_RepoServerAppDetailsQuery__Output>;
    RepoServerService: SubtypeConstructor<typeof grpc.Client, _repository_RepoServerServiceClient> & {
      service: _repository_RepoServerServiceDefinition;
    };
    ResolveRevisionRequest: MessageTypeDefinition<_repository_ResolveRevisionRequest, _repository_ResolveRevisionRequest__Output>;
    ResolveRevisionResponse: MessageTypeDefinition<_repository_ResolveRevisionResponse, _repository_ResolveRevisionResponse__Output>;
    RevisionMetadataRequest: MessageTypeDefinition<_repository_RevisionMetadataRequest, _repository_RevisionMetadataRequest__Output>;
  };
}
