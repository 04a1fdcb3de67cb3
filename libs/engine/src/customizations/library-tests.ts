// The tests a script library carries in Argo CD's format, so the same files that test a team's
// scripts under Argo test them under Flotilla:
//   health_test.yaml          tests: [{ healthStatus: {status, message}, inputPath }]
// inputPath is relative to the kind's directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '@flotilla/api-types';
import { isRecord } from '../object/json-value';
import type { LibraryKind } from './customizations-dir';

export interface HealthTest {
  inputPath: string;
  status: string;
  message: string;
}

/** The tests in a kind's health_test.yaml (none when it has no such file); throws on a malformed file. */
export function readHealthTests(kind: LibraryKind): HealthTest[] {
  if (!kind.healthTest) return [];
  const doc = parse(readFileSync(kind.healthTest, 'utf8')) as unknown;
  const tests = isRecord(doc) ? doc.tests : undefined;
  if (!Array.isArray(tests)) throw new Error(`${kind.healthTest}: expected a mapping with a list "tests"`);
  return tests.map((t: unknown, i) => {
    const where = `${kind.healthTest} tests[${i}]`;
    if (!isRecord(t) || typeof t.inputPath !== 'string' || !isRecord(t.healthStatus)) throw new Error(`${where}: needs inputPath and healthStatus`);
    const { status, message } = t.healthStatus;
    return { inputPath: t.inputPath, status: typeof status === 'string' ? status : '', message: typeof message === 'string' ? message : '' };
  });
}

/** The object a test's inputPath names, relative to the kind's directory. */
export function readTestObject(kind: LibraryKind, inputPath: string): KubeObject {
  const obj = parse(readFileSync(join(kind.dir, inputPath), 'utf8')) as unknown;
  if (!isRecord(obj)) throw new Error(`${join(kind.dir, inputPath)}: not a Kubernetes object`);
  return obj;
}

export interface DiscoveryTest {
  inputPath: string;
  result: { name: string; disabled?: boolean; iconClass?: string; displayName?: string }[];
}

export interface ActionTest {
  action: string;
  inputPath: string;
  expectedOutputPath: string;
  parameters?: Record<string, string>;
}

/** The tests in a kind's actions/action_test.yaml: discoveryTests and actionTests; throws on a malformed file. */
export function readActionTests(kind: LibraryKind): { discovery: DiscoveryTest[]; actions: ActionTest[] } {
  if (!kind.actionTest) return { discovery: [], actions: [] };
  const doc = parse(readFileSync(kind.actionTest, 'utf8')) as unknown;
  if (!isRecord(doc)) throw new Error(`${kind.actionTest}: expected a mapping with discoveryTests and actionTests`);
  const list = (v: unknown, field: string): Record<string, unknown>[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every(isRecord)) throw new Error(`${kind.actionTest}: ${field} must be a list of mappings`);
    return v;
  };
  const discovery = list(doc.discoveryTests, 'discoveryTests').map((t) => ({ inputPath: String(t.inputPath), result: (Array.isArray(t.result) ? t.result : []) as DiscoveryTest['result'] }));
  const actions = list(doc.actionTests, 'actionTests').map((t) => {
    const test: ActionTest = { action: String(t.action), inputPath: String(t.inputPath), expectedOutputPath: String(t.expectedOutputPath) };
    if (isRecord(t.parameters)) test.parameters = Object.fromEntries(Object.entries(t.parameters).map(([k, v]) => [k, String(v)]));
    return test;
  });
  return { discovery, actions };
}
