import * as grpc from '@grpc/grpc-js';
import { describeError } from './cli.error';
import { formatLogLine } from './log.printer';

const serviceError = (code: number, details: string): grpc.ServiceError => Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });

describe('describeError', () => {
  it('words gRPC errors as argocd does', () => {
    expect(describeError(serviceError(grpc.status.NOT_FOUND, 'applications.argoproj.io "x" not found'))).toBe('rpc error: code = NotFound desc = applications.argoproj.io "x" not found');
    expect(describeError(serviceError(grpc.status.UNAUTHENTICATED, 'no session information'))).toBe('rpc error: code = Unauthenticated desc = no session information');
    expect(describeError(serviceError(grpc.status.FAILED_PRECONDITION, 'another operation is already in progress'))).toBe(
      'rpc error: code = FailedPrecondition desc = another operation is already in progress',
    );
  });

  it('names the address when the server cannot be reached', () => {
    const err = serviceError(grpc.status.UNAVAILABLE, 'No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1');
    expect(describeError(err, '127.0.0.1:1')).toBe('Failed to establish connection to 127.0.0.1:1: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:1');
  });

  it('uses the message of other errors', () => {
    expect(describeError(new Error('boom'))).toBe('boom');
  });
});

describe('formatLogLine', () => {
  it('prints logrus-style level and elapsed seconds', () => {
    expect(formatLogLine('FATA', 'x', 12_500, 0)).toBe('FATA[0012] x\n');
    expect(formatLogLine('INFO', 'ServiceAccount "argocd-manager" created in namespace "kube-system"', 0, 0)).toBe(
      'INFO[0000] ServiceAccount "argocd-manager" created in namespace "kube-system"\n',
    );
  });
});
