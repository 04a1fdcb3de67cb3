// How a caller's channel to repo-server behaves with N replicas behind one name: calls go round robin
// over every resolved address (the headless Service's pods, as Argo's chart does), and a call that
// fails UNAVAILABLE (its replica died or went away mid-call) is retried on another. Every repo-server
// method reads and renders only, so running one twice is harmless.
// https://github.com/grpc/grpc/blob/master/doc/service_config.md, https://github.com/grpc/proposal/blob/master/A6-client-retries.md

const REPO_SERVER_SERVICE = 'repository.RepoServerService';

export const REPO_SERVER_SERVICE_CONFIG = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [
    {
      name: [{ service: REPO_SERVER_SERVICE }],
      retryPolicy: {
        // Round robin sends the next attempt to another ready replica; three get past a dead one or two
        // and keep a caller of a repo-server that is down altogether waiting well under a second.
        maxAttempts: 3,
        initialBackoff: '0.1s',
        maxBackoff: '1s',
        backoffMultiplier: 2,
        retryableStatusCodes: ['UNAVAILABLE'],
      },
    },
  ],
};

/** Channel options for a repo-server client: the service config above and room for big renders. */
export const repoServerChannelOptions = (): Record<string, string | number> => ({
  'grpc.service_config': JSON.stringify(REPO_SERVER_SERVICE_CONFIG),
  'grpc.max_receive_message_length': 100 * 1024 * 1024,
});
