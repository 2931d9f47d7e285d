// When the browser will not store data, the app says so plainly, keeps the text on screen, and the
// export still works: nothing typed is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, typeInto, fieldValue, waitFor, download, removeProfile } from './harness.mjs';

test('a full disk (quota exceeded) shows "Not saved" with what to do, and the export still has the text', async () => {
  const site = await serve();
  const browser = await launch();
  try {
    const page = browser.page;
    await openApp(page, site.url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site.url.replace(/\/$/, ''), quotaSize: 1 });
    await typeInto(page, 'Your name', 'Quota Quinn');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && i.label === 'Not saved'), 'the "Not saved" indicator');
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /storage for this site is full/.test(i.label) &&
      /export a backup/i.test(i.label)), 'the reason and what to do');
    assert.equal(await fieldValue(page, 'Your name'), 'Quota Quinn', 'the text stays on screen');
    const file = await download(page, 'Export backup');
    assert.equal(JSON.parse(file.bytes.toString('utf8')).documents.profile.name, 'Quota Quinn');
  } finally {
    await browser.close(); await site.close(); removeProfile(browser.profile);
  }
});

test('without IndexedDB (a locked-down or guest browser) a banner says the data is temporary and offers export', async () => {
  const site = await serve();
  const browser = await launch();
  try {
    const page = browser.page;
    await page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
    await openApp(page, site.url);
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /not keeping Wayfinder's data/.test(i.label)), 'the temporary-data banner');
    await typeInto(page, 'Your name', 'Guest Gale');
    const file = await download(page, 'Export backup');
    assert.equal(JSON.parse(file.bytes.toString('utf8')).documents.profile.name, 'Guest Gale');
  } finally {
    await browser.close(); await site.close(); removeProfile(browser.profile);
  }
});
