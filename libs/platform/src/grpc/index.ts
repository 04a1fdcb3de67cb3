export { createGrpcServer } from './grpc-server.factory';
export type { GrpcHandler, GrpcServerOptions } from './grpc-server.factory';
export { createGrpcClient, tracingClientInterceptor, unary } from './grpc-client.factory';
export type { GrpcClientOptions, UnaryMethodName, UnaryOptions } from './grpc-client.factory';
export { serveGrpcAndHttp } from './grpc-http.server';
export type { GrpcAndHttpOptions, GrpcAndHttpServer, HttpRequestHandler } from './grpc-http.server';
export { metadataGetter, metadataSetter } from './grpc-trace.metadata';
