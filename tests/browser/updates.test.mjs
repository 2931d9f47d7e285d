// Versions: a new build is offered, never forced over unsaved work; a glue/wasm pair from two
// different builds is refused with a clear message instead of a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, typeInto, fieldValue, click, waitFor, removeProfile, tempDir, DIST } from './harness.mjs';

// A copy of dist/ as the next release would look: same files, a new service worker naming a new build.
function nextRelease() {
  const dir = tempDir('wayfinder-next-');
  cpSync(DIST, dir, { recursive: true });
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  writeFileSync(join(dir, 'sw.js'), sw.replace(/const BUILD = '([0-9a-f]+)'/, "const BUILD = 'next-$1'"));
  return dir;
}

test('a new version is offered, and updating keeps the work typed just before', async () => {
  let site = await serve();
  const port = site.server.address().port;
  const browser = await launch();
  try {
    const page = browser.page;
    await openApp(page, site.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await site.close();
    site = await serve(nextRelease(), port);          // the same address now serves the next release
    await page.reload();
    await openApp(page, site.url);
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /A new version of Wayfinder is ready/.test(i.label)),
      'the update offer', 30000);
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true, 'nothing was forced');

    await typeInto(page, 'Your name', 'Typed right before updating');
    await click(page, 'Reload to update', 'button');   // saves first, then switches version
    await page.waitForEvent('load');
    await openApp(page, site.url);
    assert.equal(await fieldValue(page, 'Your name'), 'Typed right before updating');
    const caches = await page.evaluate(() => caches.keys());
    assert.ok(caches.some((k) => k.startsWith('wayfinder-next-')), 'the new build is in charge: ' + caches);
    assert.equal(caches.length, 1, 'the old build\'s cache was removed');
  } finally {
    await browser.close(); await site.close(); removeProfile(browser.profile);
  }
});

test('a JS glue and a wasm from different builds are refused with a message, not a crash', async () => {
  const dir = tempDir('wayfinder-mixed-');
  cpSync(DIST, dir, { recursive: true });
  const wasmName = readdirSync(dir).find((f) => f.endsWith('.wasm'));
  // Another build's wasm: still a valid module (an extra custom section), but not the one the glue was built with.
  const customSection = Buffer.from([0x00, 0x06, 0x05, ...Buffer.from('other')]);
  writeFileSync(join(dir, wasmName), Buffer.concat([readFileSync(join(dir, wasmName)), customSection]));
  const site = await serve(dir);
  const browser = await launch();
  try {
    await browser.page.goto(site.url);
    await browser.page.waitForFunction(() => window.wayfinderBoot && window.wayfinderBoot.error);
    const message = await browser.page.locator('#wayfinder-status').innerText();
    assert.match(message, /two different versions/);
    assert.match(message, /saved work is not affected/);
    assert.deepEqual(browser.errors, [], 'no uncaught errors');
  } finally {
    await browser.close(); await site.close(); removeProfile(browser.profile);
  }
});
