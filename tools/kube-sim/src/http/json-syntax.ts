/**
 * The syntax error Go's encoding/json reports for text that is not JSON, in its scanner's words
 * (`unexpected end of JSON input`, `invalid character 'x' after object key`), or undefined for
 * valid JSON. kube-apiserver quotes it when it cannot even read a body's apiVersion and kind.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const END = 'unexpected end of JSON input';
  const ws = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const bad = (context: string): never => {
    throw new SyntaxError(i >= text.length ? END : `invalid character ${quoteChar(text[i])} ${context}`);
  };
  const digits = (): void => {
    while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
  };
  const isDigit = (): boolean => i < text.length && text[i] >= '0' && text[i] <= '9';

  const string = (): void => {
    i++;
    for (;;) {
      if (i >= text.length) bad('');
      const c = text[i];
      if (c === '"') return void i++;
      if (c < ' ') bad('in string literal');
      if (c === '\\') {
        i++;
        if (i < text.length && text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) bad('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x') || i >= text.length) bad('in string escape code');
      }
      i++;
    }
  };
  const number = (): void => {
    if (text[i] === '-') {
      i++;
      if (!isDigit()) bad('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      if (!isDigit()) bad('after decimal point in numeric literal');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit()) bad('in exponent of numeric literal');
      digits();
    }
  };
  const literal = (word: string): void => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (text[i] !== word[k]) bad(`in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    bad('looking for beginning of value');
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') bad('looking for beginning of object key string');
      string();
      ws();
      if (text[i] !== ':') bad('after object key');
      i++;
      value();
      ws();
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') bad('after object key:value pair');
      i++;
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      ws();
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') bad('after array element');
      i++;
    }
  };

  try {
    value();
    ws();
    if (i < text.length) bad('after top-level value');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, control characters escaped as strconv.Quote does. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const escaped = JSON.stringify(c).slice(1, -1).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
  return `'${escaped}'`;
}

/** apiserver's summarizeData: the first 30 bytes of a body that starts as an object, else hex. */
export function summarizeBody(raw: Buffer, max = 30): string {
  if (!raw.length) return '<empty>';
  const head = raw.subarray(0, max);
  const text = raw[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return raw.length > max ? `${text} ...` : text;
}
