import fc from 'fast-check';
import { maskIdentityNumber, residentIdCheckCharacter, validateResidentId } from './resident-id';
import { validatePhoneNumber } from './phone-number';

describe('resident identity numbers (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false],
    ['440524198001010013', true],
    ['44052418800101001', false],
    ['440524198002300013', false],
  ])('%s valid=%s', (id, valid) => {
    expect(validateResidentId(id).valid).toBe(valid);
  });

  it('names what is wrong', () => {
    const result = validateResidentId('110105194912310021');
    expect(result.valid).toBe(false);
    if (!result.valid) {
      expect(result.problem).toBe('check_digit');
      expect(result.message).toContain('校验码');
    }
  });

  it('accepts exactly one check character for every body', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36_500 }),
        fc.integer({ min: 0, max: 999 }),
        (d, seq) => {
          const birth = new Date(Date.UTC(1930, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          const body = `110105${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
          const check = residentIdCheckCharacter(body);
          expect(validateResidentId(body + check).valid).toBe(true);
          const wrong = '0123456789X'.split('').filter((c) => c !== check);
          for (const c of wrong) expect(validateResidentId(body + c).valid).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('masks all but the first 3 and last 4 characters', () => {
    expect(maskIdentityNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdentityNumber('1234567')).toBe('*******');
  });
});

describe('phone numbers', () => {
  it.each([
    ['13800138000', 'mobile', '13800138000'],
    ['+86 138 0013 8000', 'mobile', '13800138000'],
    ['010-62345678', 'landline', '010-62345678'],
    ['0591 2345678', 'landline', '0591-2345678'],
    ['(0591)23456789-123', 'landline', '0591-23456789-123'],
    ['400-810-8888', 'service', '400-810-8888'],
  ])('%s is a %s number', (value, kind, normalised) => {
    expect(validatePhoneNumber(value)).toEqual({ valid: true, kind, normalised });
  });

  it.each(['12800138000', '1380013800', '12345678', 'abc', '010-1234'])(
    '%s is refused',
    (value) => {
      expect(validatePhoneNumber(value).valid).toBe(false);
    },
  );
});
