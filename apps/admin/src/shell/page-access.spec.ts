import { TEST_ADMIN, TEST_AUDITOR, TEST_USER } from '../testing/render-desk';
import type { DeskUser } from '../auth/desk-user';
import { afterSignIn, deskPageTitle, mayVisit } from './page-access';

const LEADER: DeskUser = { ...TEST_USER, username: 'leader', roles: ['leader'] };

describe('page access', () => {
  it.each([
    [TEST_USER, '/approvals', false],
    [LEADER, '/approvals', true],
    [TEST_USER, '/cases/new', true],
    [LEADER, '/cases/new', false],
    [LEADER, '/cases/1234', true],
    [TEST_ADMIN, '/cases', false],
    [TEST_ADMIN, '/settings', true],
    [TEST_AUDITOR, '/settings', false],
    [TEST_USER, '/agencies', false],
    [TEST_USER, '/no-such-page', true],
  ])('%#: %s may visit %s: %s', (user, path, allowed) => {
    expect(mayVisit(user, path)).toBe(allowed);
  });

  it.each([
    [TEST_USER, '/', 'menuWorkbench'],
    [TEST_USER, '/cases', 'menuCases'],
    [TEST_USER, '/cases?state=open', 'menuCases'],
    [TEST_USER, '/cases/new', 'menuRegister'],
    [TEST_USER, '/cases/c9', 'pageCaseDetail'],
    [TEST_USER, '/settings', 'forbiddenTitle'],
    [TEST_ADMIN, '/settings', 'menuSettings'],
    [TEST_USER, '/no-such-page', 'notFoundTitle'],
  ])('%#: titles %s at %s by %s', (user, path, title) => {
    expect(deskPageTitle(user, path)).toBe(title);
  });

  it("signs in to the user's own start page unless the remembered page is theirs and allowed", () => {
    expect(afterSignIn(TEST_USER, { from: '/approvals' })).toBe('/');
    expect(afterSignIn(LEADER, { from: '/approvals' })).toBe('/approvals');
    expect(afterSignIn(TEST_USER, { from: '/cases/c9', username: 'other-clerk' })).toBe('/');
    expect(afterSignIn(TEST_USER, { from: '/cases/c9', username: 'clerk' })).toBe('/cases/c9');
    expect(afterSignIn(TEST_USER, { from: '/cases?state=intake' })).toBe('/cases?state=intake');
    expect(afterSignIn(TEST_USER, { from: '//evil.example' })).toBe('/');
    expect(afterSignIn(TEST_USER, null)).toBe('/');
  });
});
