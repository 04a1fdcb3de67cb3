// Where text stops being UTF-8: a decoder would turn the bytes into U+FFFD and carry on, and the
// manifest applied would then differ from the one committed without anyone being told.

/**
 * The byte offset where the first ill-formed sequence starts (Unicode table 3-7: no overlong
 * forms, no surrogates, nothing past U+10FFFF, nothing cut short), or -1 when all is well-formed.
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const shape = sequenceShape(lead);
    if (!shape || i + shape.trailing >= bytes.length) return i;
    if (bytes[i + 1] < shape.secondMin || bytes[i + 1] > shape.secondMax) return i;
    for (let k = 2; k <= shape.trailing; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += shape.trailing + 1;
  }
  return -1;
}

/** How many continuation bytes follow a lead byte, and the range its first one must fall in. */
function sequenceShape(lead: number): { trailing: number; secondMin: number; secondMax: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { trailing: 1, secondMin: 0x80, secondMax: 0xbf };
  // E0 would be overlong below A0; ED above 9F would encode a UTF-16 surrogate.
  if (lead >= 0xe0 && lead <= 0xef) return { trailing: 2, secondMin: lead === 0xe0 ? 0xa0 : 0x80, secondMax: lead === 0xed ? 0x9f : 0xbf };
  // F0 would be overlong below 90; F4 above 8F would pass U+10FFFF.
  if (lead >= 0xf0 && lead <= 0xf4) return { trailing: 3, secondMin: lead === 0xf0 ? 0x90 : 0x80, secondMax: lead === 0xf4 ? 0x8f : 0xbf };
  return undefined;
}
