import fc from 'fast-check';
import { copyField } from './copy-text';

/** How PostgreSQL reads a text-format field back (COPY docs, "Text Format"): null or the text. */
function readField(field: string): string | null {
  if (field === '\\N') return null;
  const escapes: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };
  return field.replace(/\\(.)/g, (_, c: string) => {
    if (!(c in escapes)) throw new Error(`unexpected escape \\${c}`);
    return escapes[c];
  });
}

describe('copyField', () => {
  it('writes null and undefined as NULL, and text that merely reads \\N or \\. as that text', () => {
    expect(copyField(null, false)).toBe('\\N');
    expect(copyField(undefined, true)).toBe('\\N');
    expect(readField(copyField('\\N', false))).toBe('\\N');
    expect(readField(copyField('\\.', false))).toBe('\\.');
  });

  it('escapes backslash, tab, newline and carriage return, and leaves Chinese and quotes alone', () => {
    expect(copyField('甲\t乙\n丙\r丁\\戊 "引号" \'单引号\'', false)).toBe(
      '甲\\t乙\\n丙\\r丁\\\\戊 "引号" \'单引号\'',
    );
  });

  it('gives back any text exactly, in one field of one row', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const field = copyField(text, false);
        expect(field).not.toMatch(/[\t\n\r]/);
        expect(readField(field)).toBe(text);
      }),
    );
  });

  it('writes a json column as its JSON, escaped like any text', () => {
    const value = { name: '张\t三\n', path: 'C:\\目录', list: [1, null, '"'] };
    const field = copyField(value, true);
    expect(JSON.parse(readField(field) ?? '')).toEqual(value);
    expect(readField(copyField('字符串', true))).toBe('"字符串"');
  });

  it('writes dates, timestamps, booleans and numbers as their columns read them', () => {
    expect(copyField('2024-03-04', false)).toBe('2024-03-04');
    expect(copyField(new Date(Date.UTC(2024, 2, 4, 1, 2, 3, 456)), false)).toBe(
      '2024-03-04T01:02:03.456Z',
    );
    expect([copyField(true, false), copyField(false, false)]).toEqual(['t', 'f']);
    expect([copyField(7, false), copyField(-0.5, false), copyField(10n, false)]).toEqual([
      '7',
      '-0.5',
      '10',
    ]);
  });

  it('refuses what no column of its kind could read', () => {
    expect(() => copyField(Number.NaN, false)).toThrow(TypeError);
    expect(() => copyField({ a: 1 }, false)).toThrow(/json/);
    expect(() => copyField(['a'], false)).toThrow(/json/);
  });
});
