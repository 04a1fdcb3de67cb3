// The one rule for FLOTILLA_REPO_SERVER, spread into each caller's `<service>.config.ts`, so the
// api-server, app-controller and appset-controller accept the same gRPC targets.
import { z } from 'zod';

const HOST_PORT = String.raw`(?:\[[0-9A-Fa-f:.]+\]|[^\s:/,\[\]]+):\d{1,5}`;

// host:port (one address, as Argo's repo.server), dns:///host:port (every address the name resolves
// to, re-resolved as replicas come and go: the chart's headless Service), ipv4:a:p,b:p (fixed list).
const TARGET = new RegExp(`^(?:(?:dns:///)?${HOST_PORT}|ipv4:${HOST_PORT}(?:,${HOST_PORT})*)$`);

export const repoServerTarget = z.string().regex(TARGET, 'must be host:port, dns:///host:port or ipv4:host:port,host:port');

/** FLOTILLA_REPO_SERVER, defaulting to a repo-server on this machine. */
export const repoServerEnv = {
  FLOTILLA_REPO_SERVER: repoServerTarget.default('127.0.0.1:8081'),
};
