import { nextConditions, conditionsChanged } from './appset.conditions';

const now = '2024-01-01T00:00:00Z';

describe('nextConditions', () => {
  it('reports an up-to-date ApplicationSet as Argo does', () => {
    expect(nextConditions([], { kind: 'upToDate' }, now)).toEqual([
      {
        type: 'ErrorOccurred',
        status: 'False',
        reason: 'ApplicationSetUpToDate',
        message: 'All applications have been generated successfully',
        lastTransitionTime: now,
      },
      {
        type: 'ParametersGenerated',
        status: 'True',
        reason: 'ParametersGenerated',
        message: 'Successfully generated parameters for all Applications',
        lastTransitionTime: now,
      },
      {
        type: 'ResourcesUpToDate',
        status: 'True',
        reason: 'ApplicationSetUpToDate',
        message: 'All applications have been generated successfully',
        lastTransitionTime: now,
      },
    ]);
  });

  it('reports a generation error on all three conditions', () => {
    const conditions = nextConditions(
      [],
      { kind: 'error', reason: 'RenderTemplateParamsError', message: 'boom', parametersGenerated: false },
      now,
    );
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['ErrorOccurred', 'True', 'RenderTemplateParamsError', 'boom'],
      ['ParametersGenerated', 'False', 'ErrorOccurred', 'boom'],
      ['ResourcesUpToDate', 'False', 'ErrorOccurred', 'boom'],
    ]);
  });

  it('keeps transition times of unchanged conditions and conditions it does not own', () => {
    const first = nextConditions([{ type: 'Custom', status: 'True', reason: 'x', message: 'y' }], { kind: 'upToDate' }, 'then');
    const second = nextConditions(
      first,
      { kind: 'error', reason: 'ApplicationValidationError', message: 'dup', parametersGenerated: true },
      now,
    );
    expect(second.find((c) => c.type === 'ParametersGenerated')?.lastTransitionTime).toBe('then');
    expect(second.find((c) => c.type === 'ErrorOccurred')?.lastTransitionTime).toBe(now);
    expect(second.find((c) => c.type === 'Custom')).toEqual({ type: 'Custom', status: 'True', reason: 'x', message: 'y' });
    expect(conditionsChanged(first, second)).toBe(true);
    expect(
      conditionsChanged(
        second,
        nextConditions(second, { kind: 'error', reason: 'ApplicationValidationError', message: 'dup', parametersGenerated: true }, 'later'),
      ),
    ).toBe(false);
  });
});
