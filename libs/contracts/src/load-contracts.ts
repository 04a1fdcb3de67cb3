import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ProtoGrpcType as AccountProto } from './gen/account';
import type { ProtoGrpcType as ApplicationProto } from './gen/application';
import type { ProtoGrpcType as ApplicationSetProto } from './gen/applicationset';
import type { ProtoGrpcType as ClusterProto } from './gen/cluster';
import type { ProtoGrpcType as GpgKeyProto } from './gen/gpgkey';
import type { ProtoGrpcType as ProjectProto } from './gen/project';
import type { ProtoGrpcType as RepoCredsProto } from './gen/repocreds';
import type { ProtoGrpcType as RepoServerProto } from './gen/reposerver';
import type { ProtoGrpcType as RepositoryProto } from './gen/repository';
import type { ProtoGrpcType as SessionProto } from './gen/session';
import type { ProtoGrpcType as SettingsProto } from './gen/settings';
import type { ProtoGrpcType as VersionProto } from './gen/version';

/** The repository's proto/ folder: the single source of truth for the wire. */
export const PROTO_DIR = join(__dirname, '..', '..', '..', 'proto');

/** Must match the flags in tools/scripts/gen-contracts.sh, or the generated types would lie. */
export const PROTO_LOAD_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR, dirname(dirname(require.resolve('protobufjs/google/protobuf/descriptor.proto')))],
};

/** Every service's protos (Google's annotation protos come in through imports). */
export function contractFiles(dir = PROTO_DIR): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((entry) => {
      const path = join(d, entry);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.proto') ? [path] : [];
    });
  return walk(dir)
    .map((path) => relative(dir, path))
    .filter((path) => !path.startsWith('google/'))
    .sort();
}

export type Contracts = AccountProto &
  ApplicationProto &
  ApplicationSetProto &
  ClusterProto &
  GpgKeyProto &
  ProjectProto &
  RepoCredsProto &
  RepoServerProto &
  RepositoryProto &
  SessionProto &
  SettingsProto &
  VersionProto;

let loaded: { definition: protoLoader.PackageDefinition; contracts: Contracts } | undefined;

/** The package definition, with each method's options (the REST gateway reads google.api.http). */
export function contractsDefinition(): protoLoader.PackageDefinition {
  return load().definition;
}

/** Loaded gRPC services and message types, typed by the generated code. */
export function contracts(): Contracts {
  return load().contracts;
}

function load(): { definition: protoLoader.PackageDefinition; contracts: Contracts } {
  if (!loaded) {
    const definition = protoLoader.loadSync(contractFiles(), PROTO_LOAD_OPTIONS);
    loaded = { definition, contracts: grpc.loadPackageDefinition(definition) as unknown as Contracts };
  }
  return loaded;
}
