import { APPLICATION_STAGES } from '@gongkai/contracts';
import { OUTCOME_CODES } from '@gongkai/domain';
import { APPLICATION_STAGE_LABELS, applicationStage, publicOutcome } from './application-stage';

describe('applicationStage', () => {
  it.each([
    ['intake', null, 'received'],
    ['awaitingSupplement', null, 'awaitingSupplement'],
    ['processing', null, 'processing'],
    ['awaitingApproval', null, 'processing'],
    ['consulting', null, 'consulting'],
    ['awaitingFee', null, 'awaitingFee'],
    ['awaitingReasons', null, 'awaitingReasons'],
    ['awaitingService', 'disclosed', 'decided'],
    ['served', 'disclosed', 'served'],
    ['ended', 'other.other', 'withdrawn'],
    ['ended', 'other.supplement_overdue', 'endedSupplementOverdue'],
    ['ended', 'other.fee_unpaid', 'endedFeeUnpaid'],
  ])('%s (%s) reads as %s', (state, outcome, stage) => {
    expect(applicationStage(state, outcome)).toBe(stage);
  });

  it('shows an unpaid fee notice to the applicant even while a third party is consulted', () => {
    expect(applicationStage('consulting', null, 'awaiting')).toBe('awaitingFee');
    expect(applicationStage('consulting', null, 'paid')).toBe('consulting');
  });

  it('has a Chinese label for every stage', () => {
    for (const stage of APPLICATION_STAGES) expect(APPLICATION_STAGE_LABELS[stage]).toBeTruthy();
  });
});

describe('publicOutcome', () => {
  it('names the group, and the reason inside a group, without the counting note', () => {
    expect(publicOutcome('disclosed')?.label).toBe('予以公开');
    expect(publicOutcome('partially_disclosed')?.label).toBe('部分公开');
    expect(publicOutcome('withheld.state_secret')?.label).toBe('不予公开（属于国家秘密）');
    expect(publicOutcome(null)).toBeNull();
  });

  it('labels every outcome of the catalogue', () => {
    for (const code of OUTCOME_CODES) expect(publicOutcome(code)?.label).toBeTruthy();
  });
});
