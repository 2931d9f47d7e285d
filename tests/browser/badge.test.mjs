// Badges in the browser (issue 12): a badge dropped into Wayfinder is checked with the browser's own
// Ed25519 (Web Crypto) and shown in a dialog, intact or altered; a signed badge file becomes a badge
// picture drawn at 1x or 3x that carries it in one uncompressed "openbadgecredential" chunk. The
// badges here are made and checked by the test itself with Node's crypto, a signer and a verifier
// independent of the app. One browser and page serve every test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { sharedApp, waitFor, click, goTo, importFile, download, decodePng, tempDir } from './harness.mjs';

let app;
before(async () => { app = await sharedApp({ height: 900 }); });
after(async () => { if (app) await app.close(); });

// [Badges made by the test] -------------------------------------------------------------------------
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) {
  let n = BigInt('0x' + Buffer.from(bytes).toString('hex')), out = '';
  while (n > 0n) { out = B58[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}
const didKey = (raw) => 'did:key:z' + base58(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
function keyFromDid(did) {
  let n = 0n;
  for (const c of did.replace(/^did:key:z/, '').replace(/#.*/, '')) n = n * 58n + BigInt(B58.indexOf(c));
  const bytes = Buffer.from(n.toString(16).padStart(68, '0'), 'hex');
  assert.deepEqual([...bytes.subarray(0, 2)], [0xed, 0x01], 'an Ed25519 did:key');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.subarray(2).toString('base64url') }, format: 'jwk' });
}
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

const reviewer = generateKeyPairSync('ed25519');
const reviewerDid = didKey(Buffer.from(reviewer.publicKey.export({ format: 'jwk' }).x, 'base64url'));

// An Open Badges 3.0 credential as a VC-JWT, signed with the reviewer's key.
function badgeJws() {
  const id = 'urn:uuid:5f0c6f2e-8c1b-4c7e-9a41-2d3b6e7f8a90', earner = 'urn:uuid:0b8e1c52-7d7a-4f5e-a0a9-3c2e1f6d4b11';
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id, type: ['VerifiableCredential', 'AchievementCredential', 'OpenBadgeCredential'],
    issuer: { id: reviewerDid, type: ['Profile'], name: 'Jordan Lee' },
    validFrom: '2026-11-29T19:03:53Z', name: 'Empowering Students as Creators',
    credentialSubject: {
      id: earner, type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', hashed: false, identityHash: 'Ana Pérez', identityType: 'ext:name' }],
      achievement: { id: 'urn:wayfinder:credential:empowering-students-as-creators', type: ['Achievement'],
        name: 'Empowering Students as Creators', description: 'Students make, code, film and publish.',
        criteria: { narrative: 'Every rubric row met.' } },
    },
  };
  const payload = { ...credential, iss: reviewerDid, jti: id, nbf: Date.parse(credential.validFrom) / 1000, sub: earner };
  const input = b64({ alg: 'EdDSA', kid: `${reviewerDid}#${reviewerDid.slice('did:key:'.length)}`, typ: 'JWT' }) + '.' + b64(payload);
  return input + '.' + sign(null, Buffer.from(input), reviewer.privateKey).toString('base64url');
}

// A small PNG with the JWS baked in as the baking spec says (one iTXt chunk, not compressed).
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}
function bakedPng(jws) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0); ihdr.writeUInt32BE(16, 4); ihdr[8] = 8; ihdr[9] = 6;
  const rows = Buffer.alloc(16 * (16 * 4 + 1), 0x90);
  for (let y = 0; y < 16; y++) rows[y * (16 * 4 + 1)] = 0;
  const text = Buffer.concat([Buffer.from('openbadgecredential\0\0\0\0\0', 'latin1'), Buffer.from(jws)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('iTXt', text), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// Every iTXt chunk of a PNG: keyword and compression flag.
function textChunks(png) {
  const found = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'iTXt') {
      const data = png.subarray(at + 8, at + 8 + length), end = data.indexOf(0);
      found.push({ keyword: data.toString('latin1', 0, end), compressed: data[end + 1] });
    }
    at += 12 + length;
  }
  return found;
}

// Drops a file on the page as a person drags one from their desktop.
async function dropFile(page, name, bytes, type) {
  await page.evaluate(({ name, data, type }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { name, data: Buffer.from(bytes).toString('base64'), type });
}

const status = (label) => (all) => all.find((i) => i.role === 'status' && i.label === label);
const text = (label) => (all) => all.find((i) => i.label === label);
async function closeDialog(page) {
  await click(page, 'Close', 'button');
  await waitFor(page, (all) => !all.some((i) => i.label.startsWith('Badge check:')), 'the dialog to close');
}

// [Tests] -----------------------------------------------------------------------------------------

test('a badge picture dropped into Wayfinder says it is intact, who issued it, to whom, for what and when', async () => {
  const { page } = app;
  await dropFile(page, 'ana-badge.png', bakedPng(badgeJws()), 'image/png');
  await waitFor(page, status('Intact: unchanged since it was signed'), 'the intact verdict');
  await waitFor(page, text('Badge check: "ana-badge.png"'), 'the file named');
  for (const line of ['Credential: Empowering Students as Creators', 'Earned by: Ana Pérez', 'Issued by: Jordan Lee',
    'Issued on: November 29, 2026', 'Signed with the key ' + reviewerDid]) await waitFor(page, text(line), `"${line}"`);
  await closeDialog(page);
});

test('a badge whose signed text was changed by one character says plainly that it was altered', async () => {
  const { page } = app;
  const jws = badgeJws();
  const payload = JSON.parse(Buffer.from(jws.split('.')[1], 'base64url'));
  payload.credentialSubject.identifier[0].identityHash = 'Ann Pérez';
  const parts = jws.split('.');
  const tampered = [parts[0], b64(payload), parts[2]].join('.');
  await dropFile(page, 'tampered.png', bakedPng(tampered), 'image/png');
  await waitFor(page, status('Altered: changed after it was signed'), 'the altered verdict');
  await waitFor(page, text('This badge was changed after it was signed. Do not rely on what it says; ask the earner for ' +
    'the original badge file.'), 'what to do');
  assert.ok(!(await page.evaluate(() => window.wayfinder.items())).some((i) => i.label === 'Save as a badge picture'),
    'an altered badge is not offered as a picture');
  await closeDialog(page);
});

test('a signed badge file becomes a badge picture at 1x and 3x that carries it uncompressed, checkable with its did:key', async () => {
  const { page } = app;
  const jws = badgeJws();
  const path = join(tempDir(), 'ana.jws');
  writeFileSync(path, jws + '\n');
  const pictures = {};
  for (const scale of [1, 3]) {
    await goTo(page, 'Data & settings');
    await click(page, scale === 1 ? '1x (smallest file)' : '3x (sharpest)', 'radio');
    await importFile(page, path);
    await waitFor(page, status('Intact: unchanged since it was signed'), 'the intact verdict');
    const file = await download(page, 'Save as a badge picture');
    assert.match(file.name, /^wayfinder-badge-empowering-students-as-creators-\d{4}-\d{2}-\d{2}\.png$/);
    await closeDialog(page);
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && i.label.startsWith('Saved your badge ')), 'the saved notice');

    const chunks = textChunks(file.bytes).filter((c) => c.keyword === 'openbadgecredential');
    assert.equal(chunks.length, 1, 'exactly one credential chunk');
    assert.equal(chunks[0].compressed, 0, 'not compressed');
    const png = decodePng(file.bytes);
    assert.equal(png.text.openbadgecredential, jws);
    assert.deepEqual([png.width, png.height], [400 * scale, 400 * scale]);
    pictures[scale] = png;

    // An independent check: the key named by the issuer's did:key verifies the signature.
    const [header, payload, signature] = png.text.openbadgecredential.split('.');
    const issuer = JSON.parse(Buffer.from(payload, 'base64url')).issuer.id;
    assert.ok(verify(null, Buffer.from(header + '.' + payload), keyFromDid(issuer), Buffer.from(signature, 'base64url')));
  }
  // A round medallion: transparent corners, an opaque face; 3x drawn at its size, with finer detail than 1x.
  for (const scale of [1, 3]) {
    const png = pictures[scale], side = 400 * scale;
    assert.equal(png.pixels[3], 0, 'the corner is transparent');
    assert.equal(png.pixels[((side / 2) * side + side / 2) * 4 + 3], 255, 'the centre is opaque');
  }
  const colours = (png) => new Set(Array.from({ length: png.pixels.length / 4 }, (_, i) => png.pixels.readUInt32BE(i * 4))).size;
  assert.ok(colours(pictures[3]) > colours(pictures[1]), 'the 3x badge is drawn at 3x, not enlarged');
});
