// Corpus cases for fmt as templates reach it through printf: argument indexes (%[2]s, %[1]*d), float
// verbs with widths, precisions and flags, and special values (NaN and infinities come from
// `float64 "NaN"`, since JSON data cannot hold them).
import type { Case } from './oracle.harness';

const INDEXES = [
  '{{ printf "%[2]s %[1]s" "a" "b" }}',
  '{{ printf "%[1]*d|" 5 42 }}',
  '{{ printf "%[3]*.[2]*[1]f|" 12.0 2 6 }}',
  '{{ printf "%d %d %#[1]x %#x" 16 17 }}',
  '{{ printf "%[2]d %d" 1 2 3 }}',
  '{{ printf "%[1]d %[1]q %[1]v" 65 }}',
  '{{ printf "%[0]d" 1 }}',
  '{{ printf "%[3]d" 1 2 }}',
  '{{ printf "%[x]d" 1 }}',
  '{{ printf "%[1" 1 }}',
  '{{ printf "%[-1]d" 1 }}',
  '{{ printf "%[1]d" 1 2 }}',
  '{{ printf "%[2]d" 1 2 }}',
  '{{ printf "%d %[1]d %d" 1 2 }}',
  '{{ printf "%[5]*d" 1 2 }}',
  '{{ printf "%.[2]d" 1 2 }}',
  '{{ printf "%*[2]d" 4 7 }}',
  '{{ printf "%[2]*[1]d|" 7 4 }}',
  '{{ printf "%[1]*d" "x" 4 }}',
  '{{ printf "%[2]*d" 1 }}',
  '{{ printf "%-[1]*d|" 4 7 }}',
  '{{ printf "%[1]*d|" -4 7 }}',
  '{{ printf "%.*d|" -1 7 }}',
  '{{ printf "%[1]" 1 }}',
  '{{ printf "%[2]s" "a" }}',
  '{{ printf "%[1]s %[3]s" "a" "b" "c" }}',
  '{{ printf "%[1]d %d %d" 1 2 }}',
  '{{ printf "%[2]v%[2]v" .n .f }}',
  '{{ printf "%[1]*[2]*d" 1 2 3 }}',
  '{{ printf "%[99999999999999999999]d" 1 }}',
  '{{ printf "%10000000000d" 1 }}',
  '{{ printf "%.[1]*f" 2 3.14159 }}',
];

const FLOATS = [
  '3.14159',
  '-2.5',
  '0.0',
  '-0.0',
  '1e21',
  '1e-7',
  '123456789.0',
  '0.000123',
  '100000.0',
  '1.0',
  '255.5',
  '2.5',
  '0.1',
  '1e100',
  '5e-324',
  '1.7976931348623157e308',
];
const VERBS = [
  '%e',
  '%E',
  '%f',
  '%F',
  '%g',
  '%G',
  '%x',
  '%X',
  '%b',
  '%v',
  '%.2e',
  '%.0f',
  '%.3g',
  '%#g',
  '%#.3g',
  '%#.0f',
  '%#.0e',
  '%+.1f',
  '% .2f',
  '%-12.3f|',
  '%012.3f',
  '%12.4e',
  '%+012.2e',
  '%.2x',
  '%#x',
  '%8.3X',
  '%-+8.2g|',
  '%#v',
  '%6.2v',
  '%.20f',
  '%.0e',
  '%.1g',
  '%+v',
  '% x',
  '%010v',
  '%-010.1f|',
  '%.17g',
  '%#.17g',
  '%.60f',
];

const SPECIALS = ['"NaN"', '"+Inf"', '"-Inf"', '"inf"', '"-infinity"'];
const SPECIAL_VERBS = ['%f', '%+f', '% f', '%05f', '%-6f|', '%e', '%g', '%x', '%v', '%#v', '%8.2f|', '%+08.2e|', '%s', '%d'];

const BAD = [
  '{{ printf "%d|%s|%q|%c|%t|%U|%p" 2.5 2.5 2.5 2.5 2.5 2.5 2.5 }}',
  '{{ printf "%f|%e|%g|%x" 3 (int64 4) "s" .t }}',
  '{{ printf "%x|% x|%#x|%# x|%X" "hi" "hi" "hi" "hi" "hi" }}',
  '{{ printf "%f" .l }}',
  '{{ printf "%.2f" .nums }}',
  '{{ printf "%6.2f|" .m }}',
  '{{ printf "%e" .nul }}',
  '{{ printf "%v|%.1f" (float64 "1e400") 1e300 }}',
  '{{ printf "%5.1f%%|%-5.1f%%|" 99.95 0.05 }}',
  '{{ printf "%08.3f|%+08.3f|%-08.3f|" -3.14159 3.14159 3.14159 }}',
  '{{ printf "%.3f %.3f %.3f" 0.0005 0.0015 0.0025 }}',
  '{{ printf "%.1f %.1f %.1f %.1f" 0.05 0.15 0.25 0.35 }}',
  '{{ printf "%g %g %g" 1e6 1e5 123456.0 }}',
  '{{ printf "%+q|%q|%+q|%#+q" -16 233 233 128512 }}',
  '{{ printf "%b|%b|%x|%#b" (float64 "-Inf") (float64 "NaN") (float64 "+Inf") (float64 "-Inf") }}',
  '{{ printf "%v %v %v" 1e20 1e21 1e-5 }}',
];

export function fmtCorpus(): Case[] {
  const data = { n: 3, f: 2.5, t: true, l: [1.5, 2], nums: [1, 2.25], m: { a: 1.5 }, nul: null };
  const floats = VERBS.map((v) => `{{ printf "${FLOATS.map(() => v).join('|')}" ${FLOATS.join(' ')} }}`);
  const specials = SPECIAL_VERBS.map(
    (v) => `{{ printf "${SPECIALS.map(() => v).join('|')}" ${SPECIALS.map((s) => `(float64 ${s})`).join(' ')} }}`,
  );
  return [...INDEXES, ...floats, ...specials, ...BAD].map((text) => ({ text, data }));
}
