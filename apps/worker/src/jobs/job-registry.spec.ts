import { checkHandlers } from './job-registry';

describe('worker start-up check', () => {
  const expected = ['a.run', 'b.run'];

  it('passes when every job name has exactly one handler', () => {
    expect(
      checkHandlers(
        [
          { name: 'a.run', owner: 'A.run' },
          { name: 'b.run', owner: 'B.run' },
        ],
        expected,
      ),
    ).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(checkHandlers([{ name: 'a.run', owner: 'A.run' }], expected)).toEqual([
      'job "b.run" has no handler',
    ]);
  });

  it('names a job with two handlers', () => {
    const found = [
      { name: 'a.run', owner: 'A.run' },
      { name: 'a.run', owner: 'C.run' },
      { name: 'b.run', owner: 'B.run' },
    ];
    expect(checkHandlers(found, expected)).toEqual(['job "a.run" has 2 handlers: A.run, C.run']);
  });

  it('names a handler of an unknown job', () => {
    const found = [
      { name: 'a.run', owner: 'A.run' },
      { name: 'b.run', owner: 'B.run' },
      { name: 'z.run', owner: 'Z.run' },
    ];
    expect(checkHandlers(found, expected)).toEqual(['handler Z.run names unknown job "z.run"']);
  });
});
