// Go's time layout chunker (time.nextStdChunk), over byte strings (one char per UTF-8 byte).

export type Std =
  | 'LongMonth' | 'Month' | 'NumMonth' | 'ZeroMonth' | 'LongWeekDay' | 'WeekDay' | 'Day' | 'UnderDay' | 'ZeroDay'
  | 'UnderYearDay' | 'ZeroYearDay' | 'Hour' | 'Hour12' | 'ZeroHour12' | 'Minute' | 'ZeroMinute' | 'Second' | 'ZeroSecond'
  | 'LongYear' | 'Year' | 'PM' | 'pm' | 'TZ' | 'ISO8601TZ' | 'ISO8601SecondsTZ' | 'ISO8601ShortTZ' | 'ISO8601ColonTZ'
  | 'ISO8601ColonSecondsTZ' | 'NumTZ' | 'NumSecondsTz' | 'NumShortTZ' | 'NumColonTZ' | 'NumColonSecondsTZ'
  | 'FracSecond0' | 'FracSecond9';

export interface Chunk {
  prefix: string;
  std?: Std;
  /** Digits of a fractional-second element. */
  digits: number;
  suffix: string;
}

const STD0X: Std[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];
const ZONES: [string, Std][] = [
  ['-070000', 'NumSecondsTz'], ['-07:00:00', 'NumColonSecondsTZ'], ['-0700', 'NumTZ'], ['-07:00', 'NumColonTZ'], ['-07', 'NumShortTZ'],
  ['Z070000', 'ISO8601SecondsTZ'], ['Z07:00:00', 'ISO8601ColonSecondsTZ'], ['Z0700', 'ISO8601TZ'], ['Z07:00', 'ISO8601ColonTZ'],
  ['Z07', 'ISO8601ShortTZ'],
];

const startsLower = (s: string): boolean => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
export const isDigitAt = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

function at(layout: string, i: number, std: Std, len: number, digits = 0): Chunk {
  return { prefix: layout.slice(0, i), std, digits, suffix: layout.slice(i + len) };
}

/** The first std element of layout, with the literal text before and after it. */
export function nextStdChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('January')) return at(layout, i, 'LongMonth', 7);
        if (rest.startsWith('Jan') && !startsLower(rest.slice(3))) return at(layout, i, 'Month', 3);
        break;
      case 'M':
        if (rest.startsWith('Monday')) return at(layout, i, 'LongWeekDay', 6);
        if (rest.startsWith('Mon') && !startsLower(rest.slice(3))) return at(layout, i, 'WeekDay', 3);
        if (rest.startsWith('MST')) return at(layout, i, 'TZ', 3);
        break;
      case '0':
        if (rest.length >= 2 && rest[1] >= '1' && rest[1] <= '6') return at(layout, i, STD0X[rest.charCodeAt(1) - 49], 2);
        if (rest.startsWith('002')) return at(layout, i, 'ZeroYearDay', 3);
        break;
      case '1':
        return rest[1] === '5' ? at(layout, i, 'Hour', 2) : at(layout, i, 'NumMonth', 1);
      case '2':
        return rest.startsWith('2006') ? at(layout, i, 'LongYear', 4) : at(layout, i, 'Day', 1);
      case '_':
        if (rest[1] === '2') return rest.startsWith('_2006') ? at(layout, i + 1, 'LongYear', 4) : at(layout, i, 'UnderDay', 2);
        if (rest.startsWith('__2')) return at(layout, i, 'UnderYearDay', 3);
        break;
      case '3': return at(layout, i, 'Hour12', 1);
      case '4': return at(layout, i, 'Minute', 1);
      case '5': return at(layout, i, 'Second', 1);
      case 'P':
        if (rest[1] === 'M') return at(layout, i, 'PM', 2);
        break;
      case 'p':
        if (rest[1] === 'm') return at(layout, i, 'pm', 2);
        break;
      case '-': case 'Z': {
        const z = ZONES.find(([k]) => rest.startsWith(k));
        if (z) return at(layout, i, z[1], z[0].length);
        break;
      }
      case '.': case ',':
        if (rest[1] === '0' || rest[1] === '9') {
          let j = 1;
          while (j < rest.length && rest[j] === rest[1]) j++;
          if (!isDigitAt(rest, j)) return at(layout, i, rest[1] === '0' ? 'FracSecond0' : 'FracSecond9', j, j - 1);
        }
        break;
    }
  }
  return { prefix: layout, digits: 0, suffix: '' };
}

/** UTF-8 bytes of s as a one-char-per-byte string, and back. */
export const toBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
export const fromBytes = (b: string): string => Buffer.from(b, 'latin1').toString('utf8');
