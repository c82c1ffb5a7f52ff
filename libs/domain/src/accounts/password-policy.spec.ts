import fc from 'fast-check';
import {
  passwordClasses,
  passwordExpired,
  passwordProblems,
  PASSWORD_MIN_LENGTH,
} from './password-policy';

const common = new Set(['password', 'password123', 'qwerty123456', 'dragon']);
const context = { username: 'zhang.san', isCommon: (p: string) => common.has(p) };

describe('passwordProblems (等保2.0 三级)', () => {
  it.each([
    ['password12', /三类/],
    ['aaaaaaaaa1', /三类/],
    ['         a1', /空格/],
    ['Short1!', /至少需要10个字符/],
    ['Password123', /常见/],
    ['Qwerty123456', /常见/],
    ['Dragon-2024!', /常见/],
    ['Zhang.San-2024', /用户名/],
    ['Aaaa-bbbb-1234', /连续出现4次/],
  ])('refuses %j', (password, message) => {
    const problems = passwordProblems(password, context);
    expect(problems.join('；')).toMatch(message);
  });

  it.each([
    'Ganlan-shu-42',
    'gongkai-Demo-1',
    '青山绿水-Aa-2026',
    'test-password-1',
    'correct horse Battery 9',
  ])('accepts %j', (password) => {
    expect(passwordProblems(password, context)).toEqual([]);
  });

  it('counts white space as no class, and non-ASCII characters as other characters', () => {
    expect([...passwordClasses('  a1')].sort()).toEqual(['digit', 'lower']);
    expect([...passwordClasses('青Aa')].sort()).toEqual(['lower', 'other', 'upper']);
  });

  it('refuses every password shorter than the minimum, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), (password) => {
        fc.pre([...password].length < PASSWORD_MIN_LENGTH);
        expect(passwordProblems(password)).toContain('密码至少需要10个字符');
      }),
    );
  });

  it('refuses every password of fewer than three classes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{10,30}$/), (password) => {
        expect(passwordProblems(password).some((p) => p.includes('三类'))).toBe(true);
      }),
    );
  });

  it('expires a password only when a maximum age is set', () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-04-02T00:00:00Z');
    expect(passwordExpired(changed, later, null)).toBe(false);
    expect(passwordExpired(changed, later, 0)).toBe(false);
    expect(passwordExpired(changed, later, 90)).toBe(true);
    expect(passwordExpired(changed, later, 91)).toBe(false);
  });
});
