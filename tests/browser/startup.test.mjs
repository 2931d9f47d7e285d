// Start-up in parallel: the stored documents are read while the wasm loads, so the first frame the
// app draws already shows the work typed earlier; the service worker is registered only after that
// frame; and a browser that refuses storage still gets the plain banner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, openApp, typeInto, waitSaved, waitFor } from './harness.mjs';

const NAME = 'Wren Okafor-Lindqvist';

// Injected before any page script: what the first frame showed, and when the worker was registered.
// The first frame is drawn inside wf_start, which boot.js follows at once by setting wayfinderBoot.ready.
const watchStart = (page) => page.addInitScript(() => {
  const start = window.__start = { firstFrame: null, registered: [] };
  let boot;
  Object.defineProperty(window, 'wayfinderBoot', { configurable: true, get: () => boot, set(value) {
    boot = value;
    let ready = value.ready;
    Object.defineProperty(value, 'ready', { configurable: true, enumerable: true, get: () => ready, set(now) {
      ready = now;
      if (now && !start.firstFrame) start.firstFrame = { frames: window.wayfinder.frames(), items: window.wayfinder.items() };
    } });
  } });
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    const app = window.wayfinder;
    start.registered.push({ at: performance.now(), frames: app && app.frames ? app.frames() : 0 });
    return register.apply(this, args);
  };
});

// Each start's record, taken from the page after it has started.
const startRecord = (page) => page.evaluate(() => ({
  ...window.__start,
  started: performance.getEntriesByName('wayfinder:started')[0].startTime,
}));

function assertWorkerAfterFirstFrame(record, when) {
  assert.equal(record.registered.length, 1, `the worker is registered once (${when})`);
  assert.ok(record.registered[0].frames >= 1, `the worker is registered after the first frame was drawn (${when})`);
  assert.ok(record.registered[0].at > record.started, `registered after wf_start returned (${when})`);
}

test('a name typed earlier is in the first frame after a reload, and the service worker waits for that frame', async () => {
  await withApp({ beforeOpen: watchStart }, async (page, browser, site) => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    assertWorkerAfterFirstFrame(await startRecord(page), 'first visit');

    await typeInto(page, 'Your name', NAME);
    await waitSaved(page);
    await page.reload();
    await openApp(page, site.url);
    const record = await startRecord(page);
    assert.equal(record.firstFrame.frames, 1, 'the first frame is the one drawn inside wf_start');
    const name = record.firstFrame.items.find((i) => i.label === 'Your name' && i.role === 'textbox');
    assert.equal(name && name.value, NAME, 'the stored name is in the first frame drawn');
    assert.ok(record.firstFrame.items.some((i) => i.label === 'Welcome back, ' + NAME + '.'), 'and so is the greeting');
    await page.waitForFunction(() => window.__start.registered.length > 0, null, { timeout: 15000 });
    assertWorkerAfterFirstFrame(await startRecord(page), 'repeat visit');
  });
});

test('a browser that refuses to open storage (as some private windows do) starts with the not-keeping-data banner', async () => {
  const refuseStorage = (page) => page.addInitScript(() => {
    IDBFactory.prototype.open = () => { throw new DOMException('storage is off in this window', 'InvalidStateError'); };
  });
  await withApp({ beforeOpen: refuseStorage }, async (page) => {
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /not keeping Wayfinder's data/.test(i.label) &&
      /not letting Wayfinder keep data \(InvalidStateError\)/.test(i.label)), 'the temporary-data banner with the reason');
    await typeInto(page, 'Your name', NAME);
    await waitFor(page, (all) => all.find((i) => i.label === 'Your name' && i.value === NAME), 'the name kept on screen');
  });
});
