// Evidence pictures in the browser (issue 12): a picture dropped or pasted anywhere reaches the app
// and, with no page taking pictures, is explained; the browser scales a picture down, encodes it
// again and keeps it in IndexedDB across a reload; what is no picture, or still too large, is refused
// with a sentence saying what to do; an earlier Wayfinder's database is upgraded with its work kept.
// The picture steps run as the app runs them (window.wayfinder.addPicture: the same code image_add
// calls, answering the test); the pages that take pictures drive them end to end in the loop test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedApp, withApp, waitFor, containing, fieldValue, openApp } from './harness.mjs';

let app;
before(async () => { app = await sharedApp(); });
after(async () => { if (app) await app.close(); });

// Makes a picture in the page: `kind` 'photo' (opaque, fine detail, so JPEG has work to do),
// 'cutout' (transparent around a disc) or 'noise' (random pixels: big in any format). Resolves a Blob.
const makePicture = (page, { kind, width, height, type = 'image/png' }) => page.evaluateHandle(({ kind, width, height, type }) => {
  const canvas = document.createElement('canvas');
  canvas.width = width; canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (kind === 'cutout') {
    ctx.fillStyle = '#c0392b';
    ctx.beginPath(); ctx.arc(width / 2, height / 2, Math.min(width, height) / 3, 0, Math.PI * 2); ctx.fill();
  } else {
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < image.data.length; i += 4) {
      const p = i / 4, x = p % width, y = Math.floor(p / width);
      const n = kind === 'noise' ? Math.random() * 255 : (Math.sin(x / 7) + Math.cos(y / 5)) * 60 + 128;
      image.data[i] = n; image.data[i + 1] = kind === 'noise' ? Math.random() * 255 : x % 256; image.data[i + 2] = y % 256;
      image.data[i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }
  return new Promise((resolve) => canvas.toBlob(resolve, type, 0.95));
}, { kind, width, height, type });

const storedPicture = (page, key) => page.evaluate((key) => new Promise((resolve, reject) => {
  const open = indexedDB.open('wayfinder');
  open.onsuccess = () => {
    const get = open.result.transaction('blobs').objectStore('blobs').get(key);
    get.onsuccess = async () => {
      open.result.close();
      const r = get.result;
      if (!r) { resolve(null); return; }
      const bitmap = await createImageBitmap(new Blob([r.bytes], { type: r.mime }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const corner = Array.from(ctx.getImageData(0, 0, 1, 1).data);
      const head = Array.from(new Uint8Array(r.bytes.slice(0, 4)));
      resolve({ mime: r.mime, size: r.size, bytes: r.bytes.byteLength, width: bitmap.width, height: bitmap.height, corner, head });
    };
    get.onerror = () => reject(get.error);
  };
  open.onerror = () => reject(open.error);
}), key);

const blobCount = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('wayfinder');
  open.onsuccess = () => {
    const count = open.result.transaction('blobs').objectStore('blobs').count();
    count.onsuccess = () => { open.result.close(); resolve(count.result); };
  };
}));

test('a picture dropped into Wayfinder where nothing takes pictures says where pictures go, and keeps nothing', async () => {
  const { page } = app;
  const picture = await makePicture(page, { kind: 'photo', width: 64, height: 48 });
  await page.evaluate((blob) => {
    const data = new DataTransfer();
    data.items.add(new File([blob], 'class-mural.png', { type: 'image/png' }));
    const canvas = document.getElementById('wayfinder-canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, picture);
  await waitFor(page, containing('"class-mural.png" is a picture. Pictures are kept as evidence for a micro-credential: ' +
    'open Micro-credential and drop or paste it there.'), 'the notice saying where pictures go');
  assert.equal(await blobCount(page), 0, 'nothing was stored');
});

test('a screenshot pasted with Ctrl+V reaches the app as a picture too', async () => {
  const { page } = app;
  const picture = await makePicture(page, { kind: 'cutout', width: 32, height: 32 });
  // What the browser hands the page for a pasted screenshot: a file named image.png and no text.
  await page.evaluate((blob) => {
    const data = new DataTransfer();
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, picture);
  await waitFor(page, containing('"image.png" is a picture.'), 'the notice for the pasted picture');
});

test('a large photo is scaled down to 1,600 pixels, kept as a JPEG within 2 MB, and is still there after a reload', async () => {
  const { page, site } = app;
  const photo = await makePicture(page, { kind: 'photo', width: 4000, height: 3000 });
  const stored = await page.evaluate((blob) => window.wayfinder.addPicture(blob), photo);
  assert.equal(stored.ok, true, stored.problem);
  assert.equal(stored.mime, 'image/jpeg');
  assert.deepEqual([stored.width, stored.height], [1600, 1200]);
  assert.ok(stored.size <= 2 * 1024 * 1024, `${stored.size} bytes`);
  assert.match(stored.key, /^image-/);
  const kept = await storedPicture(page, stored.key);
  assert.deepEqual([kept.width, kept.height, kept.mime, kept.bytes], [1600, 1200, 'image/jpeg', stored.size]);
  assert.deepEqual(kept.head.slice(0, 3), [0xff, 0xd8, 0xff], 'the bytes are a JPEG');

  await openApp(page, site.url);
  const again = await storedPicture(page, stored.key);
  assert.deepEqual([again.width, again.height, again.bytes], [1600, 1200, stored.size], 'kept across a reload');
});

test('a picture with transparent parts stays a PNG, its transparency kept', async () => {
  const { page } = app;
  const cutout = await makePicture(page, { kind: 'cutout', width: 2400, height: 1200 });
  const stored = await page.evaluate((blob) => window.wayfinder.addPicture(blob), cutout);
  assert.equal(stored.ok, true, stored.problem);
  assert.equal(stored.mime, 'image/png');
  assert.deepEqual([stored.width, stored.height], [1600, 800]);
  const kept = await storedPicture(page, stored.key);
  assert.deepEqual(kept.head, [0x89, 0x50, 0x4e, 0x47], 'the bytes are a PNG');
  assert.equal(kept.corner[3], 0, 'the corner is still transparent');
});

test('a file that is no picture, and a picture still too large once scaled down, are refused with what to do', async () => {
  const { page } = app;
  const before = await blobCount(page);
  const text = await page.evaluate(() => window.wayfinder.addPicture(new Blob(['Reflection notes'], { type: 'text/plain' })));
  assert.equal(text.ok, false);
  assert.equal(text.problem, 'That file is not a picture this browser can open. Choose a PNG, JPEG or WebP picture.');

  const noise = await makePicture(page, { kind: 'noise', width: 1000, height: 1000 });
  const large = await page.evaluate((blob) => window.wayfinder.addPicture(blob, { side: 1600, bytes: 50000 }), noise);
  assert.equal(large.ok, false);
  assert.equal(large.problem, 'This picture is still over 49 KB after Wayfinder made it smaller. Crop it, or save it at a ' +
    'lower quality, then add it again.');
  assert.equal(await blobCount(page), before, 'nothing more was stored');
});

test("an earlier Wayfinder's database is upgraded in place: its work is kept, and pictures get their own store", async () => {
  // The database as the version before pictures left it, made before the app first opens.
  const earlier = async (page, site) => {
    await page.goto(site.url + 'manifest.webmanifest');
    await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('wayfinder', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('documents', { keyPath: 'key' });
        open.result.createObjectStore('backups', { keyPath: 'name' });
      };
      open.onsuccess = () => {
        const tx = open.result.transaction('documents', 'readwrite');
        tx.objectStore('documents').put({ key: 'profile', revision: 1, saved_at: Date.now(),
          text: JSON.stringify({ type: 'wayfinder.profile', version: 1, name: 'Rosa Delgado' }) });
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
      open.onerror = () => reject(open.error);
    }));
  };
  await withApp({ beforeOpen: earlier }, async (page) => {
    assert.equal(await fieldValue(page, 'Your name'), 'Rosa Delgado');
    const picture = await makePicture(page, { kind: 'photo', width: 300, height: 200 });
    const stored = await page.evaluate((blob) => window.wayfinder.addPicture(blob), picture);
    assert.equal(stored.ok, true, stored.problem);
    assert.equal(stored.mime, 'image/png', 'a small picture stays a PNG');
    const version = await page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('wayfinder');
      open.onsuccess = () => { resolve(open.result.version); open.result.close(); };
    }));
    assert.equal(version, 2);
  });
});
