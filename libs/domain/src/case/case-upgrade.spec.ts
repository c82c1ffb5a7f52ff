import { caseStatus, persistSnapshot, restoreSnapshot } from './case-engine';
import { CASE_MACHINE_VERSION } from './case.machine';
import { upgradePersistedSnapshot } from './case-upgrade';
import { caseIn, clerk, ev, run } from './case-test-helpers';

/** A v2 snapshot written back as machine v1 stored it: `awaitingFee` was a procedure step. */
function asV1(state: Parameters<typeof caseIn>[0]): Record<string, unknown> {
  const stored = persistSnapshot(caseIn(state)) as unknown as {
    value: { open?: { procedure: string; fee: string; extension: string } };
    context: Record<string, unknown>;
  };
  const open = stored.value.open;
  return {
    ...stored,
    machineVersion: 1,
    context: { ...stored.context, machineVersion: 1 },
    value: open
      ? {
          open: {
            procedure: open.fee === 'awaiting' ? 'awaitingFee' : open.procedure,
            extension: open.extension,
          },
        }
      : stored.value,
  };
}

describe('snapshot upgrade v1 → v2', () => {
  it.each([
    'intake',
    'processing',
    'consulting',
    'awaitingFee',
    'awaitingApproval',
    'served',
  ] as const)('restores a v1 %s snapshot as the same v2 case', (state) => {
    const upgraded = restoreSnapshot(asV1(state));
    expect(upgraded.value).toEqual(caseIn(state).value);
    expect(upgraded.context.machineVersion).toBe(CASE_MACHINE_VERSION);
    expect(caseStatus(upgraded).state).toBe(caseStatus(caseIn(state)).state);
  });

  it('keeps a paid notice as the paid fee region and the case workable', () => {
    const paid = run(caseIn('awaitingFee'), [ev('FEE_PAID', '2025-03-10', clerk)]);
    const v1 = { ...asV1('processing'), context: { ...paid.context, machineVersion: 1 } };
    const upgraded = upgradePersistedSnapshot(v1) as { value: unknown; machineVersion: number };
    expect(upgraded.machineVersion).toBe(2);
    expect(upgraded.value).toEqual({
      open: { procedure: 'processing', fee: 'paid', extension: 'none' },
    });
    expect(caseStatus(restoreSnapshot(upgraded)).fee).toBe('paid');
  });

  it('leaves current and unknown versions for restoreSnapshot to judge', () => {
    const current = persistSnapshot(caseIn('consulting'));
    expect(upgradePersistedSnapshot(current)).toBe(current);
    const future = { ...current, machineVersion: 99 };
    expect(upgradePersistedSnapshot(future)).toBe(future);
    expect(() => restoreSnapshot(future)).toThrow('迁移');
  });
});
