import { KubeObject } from '../store/kube-object';
import { admit, messages } from './admission.fixture';
import { cronScheduleError } from './cron-schedule.validation';

const job = (spec: object, labels?: Record<string, string>): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', uid: 'abc', ...(labels ? { labels } : {}) }, spec });
const podSpec = (extra: object = {}) => ({ containers: [{ name: 'c', image: 'perl:5' }], restartPolicy: 'Never', ...extra });

describe('batch/v1 admission', () => {
  it("generates a Job's selector from its uid and labels both the template and the Job", () => {
    const j = job({ template: { metadata: { labels: { app: 'pi' } }, spec: podSpec() } });
    expect(admit('batch/Job', j)).toEqual([]);
    const generated = { app: 'pi', 'batch.kubernetes.io/controller-uid': 'abc', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'abc', 'job-name': 'pi' };
    expect(j.spec).toMatchObject({
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      completions: 1,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      suspend: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } },
      template: { metadata: { creationTimestamp: null, labels: generated } },
    });
    expect((j.spec as any).manualSelector).toBeUndefined();
    expect(j.metadata.labels).toEqual(generated);
    const labelled = job({ template: { spec: podSpec() } }, { team: 'x' });
    admit('batch/Job', labelled);
    expect(labelled.metadata.labels).toEqual({ team: 'x' });
  });

  it('defaults completions only when parallelism is unset too', () => {
    const j = job({ parallelism: 3, template: { spec: podSpec() } });
    admit('batch/Job', j);
    expect((j.spec as any).completions).toBeUndefined();
    expect((j.spec as any).parallelism).toBe(3);
  });

  it('rejects the defaulted restartPolicy Always on a Job template', () => {
    const j = job({ template: { spec: { containers: [{ name: 'c', image: 'perl:5' }] } } });
    expect(messages(admit('batch/Job', j))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"']);
  });

  it('refuses a hand-written selector and a changed template', () => {
    const manual = job({ selector: { matchLabels: { app: 'pi' } }, template: { metadata: { labels: { app: 'pi' } }, spec: podSpec() } });
    expect(messages(admit('batch/Job', manual))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"abc"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
    ]);
    const old = job({ template: { spec: podSpec() } });
    admit('batch/Job', old);
    const next = structuredClone(old);
    (next.spec as any).template.spec.containers[0].image = 'perl:6';
    expect(messages(admit('batch/Job', next, old))).toEqual([expect.stringMatching(/^spec\.template: Invalid value: .*: field is immutable$/)]);
  });

  it('defaults a CronJob without running Job defaults on its template', () => {
    const cj: KubeObject = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } } } } };
    expect(admit('batch/CronJob', cj)).toEqual([]);
    const spec = cj.spec as any;
    expect(spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(spec.jobTemplate.metadata).toEqual({ creationTimestamp: null });
    expect(Object.keys(spec.jobTemplate.spec)).toEqual(['template']);
    expect(spec.jobTemplate.spec.template.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30 });
  });

  it('validates the schedule with robfig/cron wording', () => {
    const cj = (schedule?: string): KubeObject => ({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { schedule, jobTemplate: { spec: { template: { spec: podSpec() } } } } });
    expect(messages(admit('batch/CronJob', cj('every minute')))).toEqual(['spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2: [every minute]']);
    expect(messages(admit('batch/CronJob', cj()))).toEqual(['spec.schedule: Required value']);
    expect(messages(admit('batch/CronJob', cj('CRON_TZ=UTC 0 * * * *')))).toEqual(['spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']);
    expect(cronScheduleError('@hourly')).toBeUndefined();
    expect(cronScheduleError('@every 90s')).toBeUndefined();
    expect(cronScheduleError('0 0 * JAN-mar mon-fri')).toBeUndefined();
    expect(cronScheduleError('60 * * * *')).toBe('end of range (60) above maximum (59): 60');
    expect(cronScheduleError('0 0 * * 7')).toBe('end of range (7) above maximum (6): 7');
    expect(cronScheduleError('x * * * *')).toBe('failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
    expect(cronScheduleError('@fortnightly')).toBe('unrecognized descriptor: @fortnightly');
  });
});
