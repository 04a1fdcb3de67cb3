import type { KubeObject } from '@flotilla/api-types';
import { formatLuaNumber } from './lua51-compat';
import { luaHealth } from './lua-script.health';

// What health scripts written for Argo CD see in its VM (gopher-lua, Lua 5.1 with one float64 number
// type), each case a script body whose result becomes the message. Expectations are gopher-lua's:
// tostring prints a whole number that fits int64 as an integer, other numbers as Go's %v does.
const NOW = 1_700_000_000_000; // 2023-11-14T22:13:20Z

const obj: KubeObject = {
  apiVersion: 'example.com/v1',
  kind: 'Thing',
  metadata: { name: 'a' },
  spec: {
    replicas: 3,
    ratio: 0.25,
    big: 3_000_000_000,
    max: 9_007_199_254_740_991,
    list: ['a', null, 'b'],
    conditions: [null, { type: 'Ready', status: 'True' }],
  },
};

interface Case {
  name: string;
  body: string;
  expect: string;
  openLibs?: boolean;
}

const cases: Case[] = [
  { name: 'a whole quotient prints as an integer', body: 'return tostring(10/2)', expect: '5' },
  { name: 'concatenation prints numbers the same way', body: 'return "n=" .. 10/2 .. " " .. 10/4', expect: 'n=5 2.5' },
  { name: 'a fraction prints with the shortest digits', body: 'return tostring(1/3)', expect: '0.3333333333333333' },
  { name: '2^53 prints as an integer', body: 'return tostring(2^53)', expect: '9007199254740992' },
  { name: 'a large float prints with an exponent', body: 'return tostring(1e20) .. " " .. tostring(1234567.5) .. " " .. tostring(0.00001)', expect: '1e+20 1.2345675e+06 1e-05' },
  { name: 'a literal product above 2^31 does not wrap', body: 'return tostring(60 * 60 * 24 * 365 * 100)', expect: '3153600000' },
  { name: '2^31 - 1 plus one', body: 'local n = 2147483647 return tostring(n + 1)', expect: '2147483648' },
  { name: 'object integers print as integers', body: 'return tostring(obj.spec.replicas) .. " " .. tostring(obj.spec.ratio)', expect: '3 0.25' },
  { name: 'object integers above 2^31', body: 'return tostring(obj.spec.big + 1) .. " " .. obj.spec.big * 2', expect: '3000000001 6000000000' },
  { name: 'object integers up to 2^53', body: 'return tostring(obj.spec.max) .. " " .. tostring(obj.spec.max == 2^53 - 1)', expect: '9007199254740991 true' },
  { name: 'tonumber of a large integer', body: 'return tostring(tonumber("3000000000") + 1)', expect: '3000000001' },
  { name: 'a numeric for loop counts in integers', body: 'local s = "" for i = 1, 3 do s = s .. i end return s', expect: '123' },
  { name: 'nulls in an array close up', body: 'return #obj.spec.list .. " " .. obj.spec.list[2]', expect: '2 b' },
  { name: 'a null first in an array closes up', body: 'return #obj.spec.conditions .. " " .. obj.spec.conditions[1].type', expect: '1 Ready' },
  { name: 'table.getn', body: 'return tostring(table.getn({1, 2, 3}))', expect: '3' },
  { name: 'table.maxn', body: 'return tostring(table.maxn({1, 2, [7] = 3}))', expect: '7' },
  { name: 'unpack', body: 'local a, b = unpack({"x", "y"}) return a .. b', expect: 'xy' },
  { name: 'loadstring runs text', body: 'return tostring(loadstring("return 1 + 1")())', expect: '2' },
  { name: 'loadstring returns nil and a message on a syntax error', body: 'local f, err = loadstring("return +") return tostring(f) .. " " .. type(err)', expect: 'nil string' },
  { name: 'loadstring refuses binary chunks', body: 'local f = loadstring("\\27Lua") return tostring(f)', expect: 'nil' },
  { name: 'table.sort with a non-strict comparator', body: 'local t = {3, 1, 2, 1, 3, 2, 1} table.sort(t, function(a, b) return a <= b end) return table.concat(t, ",")', expect: '1,1,1,2,2,3,3' },
  { name: 'table.sort with a comparator that always says yes', body: 'local t = {1, 2, 3} table.sort(t, function() return true end) return tostring(#t)', expect: '3' },
  { name: 'table.sort without a comparator', body: 'local t = {"b", "c", "a"} table.sort(t) return table.concat(t, ",")', expect: 'a,b,c' },
  { name: 'os.time is whole seconds', body: 'return tostring(os.time()) .. " " .. os.time() * 1000', expect: '1700000000 1700000000000' },
  { name: 'os.date with a "!" UTC format', body: 'return os.date("!%Y-%m-%dT%H:%M:%SZ", 1700000000)', expect: '2023-11-14T22:13:20Z' },
  { name: 'os.date "!*t"', body: 'local t = os.date("!*t", 1700000000) return t.year .. "-" .. t.month .. "-" .. t.day .. " " .. t.hour', expect: '2023-11-14 22' },
  { name: 'os.date "!" on the clock', body: 'return os.date("!%H:%M")', expect: '22:13' },
  { name: 'math.pow', body: 'return tostring(math.pow(2, 10))', expect: '1024', openLibs: true },
  { name: 'math.mod takes the sign of the dividend', body: 'return math.mod(7, 3) .. " " .. math.mod(-7, 3)', expect: '1 -1', openLibs: true },
  { name: 'math.floor results multiply past 2^31', body: 'return tostring(math.floor(100000.5) * math.floor(100000.5))', expect: '10000000000', openLibs: true },
  { name: 'math.log10 and math.ldexp', body: 'return math.log10(1000) .. " " .. math.ldexp(3, 4)', expect: '3 48', openLibs: true },
  { name: 'math.frexp', body: 'local m, e = math.frexp(48) return m .. " " .. e', expect: '0.75 6', openLibs: true },
  { name: 'string.gfind', body: 'local out = {} for w in string.gfind("a,b,c", "[^,]+") do table.insert(out, w) end return table.concat(out, "|")', expect: 'a|b|c', openLibs: true },
  { name: 'string.format %s of a number', body: 'return string.format("%s/%s", 10/2, 0.5)', expect: '5/0.5', openLibs: true },
  { name: 'string.format %d of a whole float', body: 'return string.format("%d", 10/2)', expect: '5', openLibs: true },
];

const run = (body: string, openLibs = false) =>
  luaHealth(`local function run()\n${body}\nend\nreturn { status = "Healthy", message = run() }`, obj, { useOpenLibs: openLibs, now: () => NOW });

describe('Lua 5.1 as Argo CD runs it', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const got = run(c.body, c.openLibs);
    expect(got.error).toBeUndefined();
    expect(got.health?.message).toBe(c.expect);
  });

  it.each([
    ['a number', 'message = 5'],
    ['a table', 'message = {}'],
    ['a boolean', 'message = true'],
  ])('a message that is %s gives no health, even with a good status', (_what, field) => {
    expect(luaHealth(`return { status = "Healthy", ${field} }`, obj)).toEqual({});
  });

  it('a status that is a number gives no health', () => {
    expect(luaHealth('return { status = 1 }', obj)).toEqual({});
  });

  it('a loop inside loadstring still stops at the instruction budget', () => {
    const got = luaHealth('loadstring("while true do end")()', obj, { instructionLimit: 10_000 });
    expect(got.health?.status).toBe('Unknown');
    expect(got.error).toMatch(/stopped after 10000 instructions/);
  });

  it('a loop in a sort comparator still stops at the instruction budget', () => {
    const script = 'local t = {} for i = 1, 100 do t[i] = i end table.sort(t, function(a, b) while true do end end)';
    expect(luaHealth(script, obj, { instructionLimit: 10_000 }).error).toMatch(/stopped after/);
  });

  it.each([
    [5, '5'],
    [-0, '0'],
    [0.1, '0.1'],
    [123456.5, '123456.5'],
    [0.0001, '0.0001'],
    [2 ** 63, '9.223372036854776e+18'],
    [-(2 ** 63), '-9223372036854775808'],
    [NaN, 'NaN'],
    [-Infinity, '-Inf'],
  ])('formats %p as gopher-lua does', (n, text) => {
    expect(formatLuaNumber(n)).toBe(text);
  });
});
