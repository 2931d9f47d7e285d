// An independent check of a baked Open Badges 3.0 badge, as a verifier outside Wayfinder does it:
// the compact JWS is taken from the PNG's `openbadgecredential` iTXt chunk and verified by `jose`
// (npm, locked) with the Ed25519 key the issuer's did:key names. Nothing of Wayfinder's own code is used.
import { crc32 } from 'node:zlib';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';

// Every iTXt chunk of a PNG: its keyword, whether its text is compressed, and the text.
export function itxtChunks(buffer) {
  const chunks = [];
  let offset = 8;
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    if (type === 'iTXt') {
      const data = buffer.subarray(offset + 8, offset + 8 + length);
      const keywordEnd = data.indexOf(0);
      let p = data.indexOf(0, keywordEnd + 3) + 1; // after the language tag
      p = data.indexOf(0, p) + 1;                   // after the translated keyword
      chunks.push({ keyword: data.toString('latin1', 0, keywordEnd), compressed: data[keywordEnd + 1] !== 0,
                    text: data.subarray(p).toString('utf8') });
    }
    offset += 12 + length;
  }
  return chunks;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58Decode(text) {
  let value = 0n;
  for (const c of text) {
    const digit = BASE58.indexOf(c);
    if (digit < 0) throw new Error(`"${c}" is not a base58 digit`);
    value = value * 58n + BigInt(digit);
  }
  const bytes = [];
  while (value > 0n) { bytes.unshift(Number(value % 256n)); value /= 256n; }
  for (const c of text) { if (c !== '1') break; bytes.unshift(0); }
  return Buffer.from(bytes);
}

// did:key:z6Mk… (or its verification method did:key:z…#z…) -> the 32-byte Ed25519 public key.
export function ed25519FromDidKey(did) {
  const id = did.replace(/^did:key:/, '').split('#')[0];
  if (!id.startsWith('z')) throw new Error('not a base58btc did:key');
  const bytes = base58Decode(id.slice(1));
  if (bytes[0] !== 0xed || bytes[1] !== 0x01 || bytes.length !== 34) throw new Error('not an Ed25519 did:key');
  return bytes.subarray(2);
}

// Verifies the badge baked into `png` (a Buffer). Returns { chunks, header, payload } when the
// signature holds for the key in the header's kid; throws (as jose does) when it does not.
export async function verifyBakedBadge(png) {
  const chunks = itxtChunks(png).filter((c) => c.keyword === 'openbadgecredential');
  if (chunks.length === 0) throw new Error('no openbadgecredential chunk');
  const jws = chunks[0].text.trim();
  const header = decodeProtectedHeader(jws);
  const raw = ed25519FromDidKey(header.kid);
  const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, 'EdDSA');
  const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
  return { chunks, header, payload: JSON.parse(Buffer.from(payload).toString('utf8')) };
}

// The same PNG with the text of its openbadgecredential chunk replaced, the chunk's CRC made right
// again: a copy changed on purpose, as someone would change a badge, not a damaged file.
export function withBakedText(buffer, text) {
  const parts = [buffer.subarray(0, 8)];
  let offset = 8;
  while (offset + 8 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'iTXt' && data.toString('latin1', 0, data.indexOf(0)) === 'openbadgecredential') {
      const body = Buffer.concat([Buffer.from('iTXtopenbadgecredential\0\0\0\0\0', 'latin1'), Buffer.from(text, 'utf8')]);
      const chunk = Buffer.alloc(body.length + 8);
      chunk.writeUInt32BE(body.length - 4, 0);
      body.copy(chunk, 4);
      chunk.writeUInt32BE(crc32(body), body.length + 4);
      parts.push(chunk);
    } else {
      parts.push(buffer.subarray(offset, offset + 12 + length));
    }
    offset += 12 + length;
  }
  return Buffer.concat(parts);
}
