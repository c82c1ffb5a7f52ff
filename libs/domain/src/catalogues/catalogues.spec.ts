import { APPLICANT_CATEGORY_CODES, OUTCOME_CODES, outcomeRowLabel, OUTCOMES } from './index';

describe('catalogues', () => {
  it('lists the 21 outcome rows of 三 in the official order of codes.md', () => {
    expect(OUTCOME_CODES).toHaveLength(21);
    expect(OUTCOME_CODES[0]).toBe('disclosed');
    expect(OUTCOME_CODES[20]).toBe('other.other');
    expect(new Set(OUTCOME_CODES).size).toBe(21);
  });

  it('prints exact official row labels, full-width punctuation included', () => {
    expect(outcomeRowLabel('withheld.security_stability')).toBe('3.危及“三安全一稳定”');
    expect(outcomeRowLabel('partially_disclosed')).toBe(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    );
  });

  it('numbers the items of each group from 1 without gaps', () => {
    const groups = new Map<string, number[]>();
    for (const o of OUTCOMES) {
      if (o.item !== null) groups.set(o.group, [...(groups.get(o.group) ?? []), o.item]);
    }
    expect(Object.fromEntries(groups)).toEqual({
      withheld: [1, 2, 3, 4, 5, 6, 7, 8],
      unavailable: [1, 2, 3],
      not_handled: [1, 2, 3, 4, 5],
      other: [1, 2, 3],
    });
  });

  it('has the six applicant columns in report order', () => {
    expect(APPLICANT_CATEGORY_CODES).toEqual([
      'natural_person',
      'commercial_enterprise',
      'research_institution',
      'social_welfare_org',
      'legal_service_agency',
      'other_org',
    ]);
  });
});
