import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { TargetAccess } from './diff-target.harness';

export interface DifferentialConfig {
  /** The real cluster to compare with, when FLOTILLA_REAL_KUBECONFIG names its kubeconfig. */
  real?: { kubeconfigPath: string; access: TargetAccess };
  /** FLOTILLA_DIFF_RECORD=1: write the real cluster's observations as the new recording. */
  record: boolean;
}

/** Reads the differential spec's environment once; a bad value stops the spec naming the variable. */
export function loadDifferentialConfig(env: NodeJS.ProcessEnv = process.env): DifferentialConfig {
  const record = env.FLOTILLA_DIFF_RECORD === '1';
  const path = env.FLOTILLA_REAL_KUBECONFIG?.trim();
  if (!path) {
    if (record) throw new Error('FLOTILLA_DIFF_RECORD=1 records the real cluster: set FLOTILLA_REAL_KUBECONFIG to its kubeconfig');
    return { record };
  }
  try {
    return { record, real: { kubeconfigPath: path, access: accessFromKubeconfig(readFileSync(path, 'utf8'), dirname(path)) } };
  } catch (e) {
    throw new Error(`FLOTILLA_REAL_KUBECONFIG=${path}: ${(e as Error).message}`);
  }
}

const clusterSchema = z.object({
  server: z.string(),
  'certificate-authority-data': z.string().optional(),
  'certificate-authority': z.string().optional(),
});
const userSchema = z.object({
  token: z.string().optional(),
  tokenFile: z.string().optional(),
  'client-certificate-data': z.string().optional(),
  'client-certificate': z.string().optional(),
  'client-key-data': z.string().optional(),
  'client-key': z.string().optional(),
});
const kubeconfigSchema = z.object({
  'current-context': z.string(),
  contexts: z.array(z.object({ name: z.string(), context: z.object({ cluster: z.string(), user: z.string() }) })),
  clusters: z.array(z.object({ name: z.string(), cluster: clusterSchema })),
  users: z.array(z.object({ name: z.string(), user: userSchema })),
});

/** The current context's server and credentials; inline data and file references both work, as in kubectl. */
export function accessFromKubeconfig(text: string, baseDir: string): TargetAccess {
  const kc = kubeconfigSchema.parse(parse(text));
  const context = kc.contexts.find((c) => c.name === kc['current-context'])?.context;
  if (!context) throw new Error(`no context named ${kc['current-context']}`);
  const cluster = kc.clusters.find((c) => c.name === context.cluster)?.cluster;
  const user = kc.users.find((u) => u.name === context.user)?.user ?? {};
  if (!cluster) throw new Error(`no cluster named ${context.cluster}`);
  const pem = (data?: string, file?: string): string | undefined =>
    data ? Buffer.from(data, 'base64').toString() : file ? readFileSync(resolve(baseDir, file), 'utf8') : undefined;
  return {
    url: cluster.server,
    caPem: pem(cluster['certificate-authority-data'], cluster['certificate-authority']),
    token: user.token ?? (user.tokenFile ? readFileSync(resolve(baseDir, user.tokenFile), 'utf8').trim() : undefined),
    clientCertPem: pem(user['client-certificate-data'], user['client-certificate']),
    clientKeyPem: pem(user['client-key-data'], user['client-key']),
  };
}
