import * as grpc from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import type { GrpcHandler } from '@flotilla/platform';
import { fromKubeError } from '../hub/kube-errors';
import { toStatus } from './rpc-error';
import type { Authenticator } from './unary-call';

type Duplex = grpc.ServerDuplexStream<unknown, unknown>;

// protobufjs's descriptor.proto bindings, which proto-loader's fileDescriptorProtos are encoded with.
interface MessageDescriptor {
  name: string;
  field?: { typeName?: string }[];
  nestedType?: MessageDescriptor[];
  enumType?: { name: string }[];
}
interface FileDescriptor {
  name: string;
  package?: string;
  dependency: string[];
  messageType?: MessageDescriptor[];
  enumType?: { name: string }[];
  service?: { method?: { inputType?: string; outputType?: string }[] }[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FileDescriptorProto } = require('protobufjs/ext/descriptor') as {
  FileDescriptorProto: { decode(b: Uint8Array): FileDescriptor; encode(f: FileDescriptor): { finish(): Uint8Array } };
};

const linkedDefinitions = new WeakMap<PackageDefinition, PackageDefinition>();

/**
 * proto-loader leaves every file's dependency list empty (grpc/grpc-node#2595), so a client that
 * links what reflection answers (grpcurl) cannot resolve a type from another file. This fills each
 * file's dependencies with the files that define the types its fields and methods name.
 */
export function linkedDefinition(definition: PackageDefinition): PackageDefinition {
  const done = linkedDefinitions.get(definition);
  if (done) return done;
  // Entries share their descriptors' buffers: each is decoded once.
  const nameOf = new Map<Buffer, string>();
  const files = new Map<string, FileDescriptor>();
  for (const entry of Object.values(definition))
    for (const bytes of (entry as { fileDescriptorProtos?: Buffer[] }).fileDescriptorProtos ?? []) {
      if (nameOf.has(bytes)) continue;
      const file = FileDescriptorProto.decode(bytes);
      nameOf.set(bytes, file.name);
      if (!files.has(file.name)) files.set(file.name, file);
    }
  const definedIn = new Map<string, string>();
  const index = (file: string, prefix: string, messages: MessageDescriptor[] = [], enums: { name: string }[] = []): void => {
    for (const e of enums) definedIn.set(`${prefix}.${e.name}`, file);
    for (const m of messages) {
      definedIn.set(`${prefix}.${m.name}`, file);
      index(file, `${prefix}.${m.name}`, m.nestedType, m.enumType);
    }
  };
  for (const file of files.values()) index(file.name, file.package ? `.${file.package}` : '', file.messageType, file.enumType);
  const used = (m: MessageDescriptor): string[] => [...(m.field ?? []).map((f) => f.typeName ?? ''), ...(m.nestedType ?? []).flatMap(used)];
  const encoded = new Map<string, Buffer>();
  for (const file of files.values()) {
    const names = [
      ...(file.messageType ?? []).flatMap(used),
      ...(file.service ?? []).flatMap((svc) => (svc.method ?? []).flatMap((m) => [m.inputType ?? '', m.outputType ?? ''])),
    ];
    const deps = new Set(names.map((n) => definedIn.get(n)).filter((f): f is string => !!f && f !== file.name));
    file.dependency = [...deps].sort();
    encoded.set(file.name, Buffer.from(FileDescriptorProto.encode(file).finish()));
  }
  const linked: PackageDefinition = {};
  for (const [name, entry] of Object.entries(definition)) {
    const protos = (entry as { fileDescriptorProtos?: Buffer[] }).fileDescriptorProtos;
    linked[name] = protos
      ? ({ ...entry, fileDescriptorProtos: protos.map((b) => encoded.get(nameOf.get(b) ?? '') ?? b) } as typeof entry)
      : entry;
  }
  linkedDefinitions.set(definition, linked);
  return linked;
}

/**
 * gRPC server reflection (grpc.reflection.v1 and v1alpha) over the contracts, naming only the
 * services the api-server serves, so grpcurl and other generic clients can discover the API. As
 * in Argo CD, whose auth interceptor covers reflection, a caller needs a valid session.
 */
export function serverReflectionHandlers(
  definition: PackageDefinition,
  served: readonly GrpcHandler[],
  auth: Authenticator,
): GrpcHandler[] {
  const services = [...new Set(served.flatMap((h) => Object.values(h.definition).map((m) => m.path.split('/')[1])))];
  const handlers: GrpcHandler[] = [];
  new ReflectionService(linkedDefinition(definition), { services }).addToServer({
    addService(service: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation) {
      const wrapped: grpc.UntypedServiceImplementation = {};
      for (const [name, fn] of Object.entries(implementation)) {
        const inner = fn as (call: Duplex) => void;
        wrapped[name] = ((call: Duplex) => {
          auth.authenticate(call.metadata).then(
            () => inner(call),
            (err: unknown) => call.emit('error', toStatus(fromKubeError(err))),
          );
        }) as grpc.UntypedHandleCall;
      }
      handlers.push({ definition: service, implementation: () => wrapped });
    },
  });
  return handlers;
}

/** One version of the reflection service, picked from serverReflectionHandlers by its package. */
abstract class ReflectionVersionHandler implements GrpcHandler {
  readonly definition: grpc.ServiceDefinition;
  private readonly handler: GrpcHandler;

  protected constructor(pkg: string, definition: PackageDefinition, served: readonly GrpcHandler[], auth: Authenticator) {
    const found = serverReflectionHandlers(definition, served, auth).find((h) =>
      Object.values(h.definition).every((m) => m.path.startsWith(`/${pkg}.`)),
    );
    if (!found) throw new Error(`@grpc/reflection has no ${pkg} service`);
    this.handler = found;
    this.definition = found.definition;
  }

  implementation(): grpc.UntypedServiceImplementation {
    return this.handler.implementation();
  }
}

/** grpc.reflection.v1.ServerReflection. */
export class ServerReflectionGrpcHandler extends ReflectionVersionHandler {
  constructor(definition: PackageDefinition, served: readonly GrpcHandler[], auth: Authenticator) {
    super('grpc.reflection.v1', definition, served, auth);
  }
}

/** grpc.reflection.v1alpha.ServerReflection, which grpcurl and older clients still ask first. */
export class ServerReflectionV1AlphaGrpcHandler extends ReflectionVersionHandler {
  constructor(definition: PackageDefinition, served: readonly GrpcHandler[], auth: Authenticator) {
    super('grpc.reflection.v1alpha', definition, served, auth);
  }
}
