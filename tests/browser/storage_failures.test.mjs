// When the browser will not store data, the app says so plainly, keeps the text on screen, and the
// export still works: nothing typed is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, typeInto, fieldValue, waitFor, download } from './harness.mjs';

test('a full disk (quota exceeded) shows "Not saved" with what to do, and the export still has the text', async () => {
  await withApp({}, async (page, browser, site) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: site.url.replace(/\/$/, ''), quotaSize: 1 });
    await typeInto(page, 'Your name', 'Quota Quinn');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && i.label === 'Not saved'), 'the "Not saved" indicator');
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /storage for this site is full/.test(i.label) &&
      /export a backup/i.test(i.label)), 'the reason and what to do');
    assert.equal(await fieldValue(page, 'Your name'), 'Quota Quinn', 'the text stays on screen');
    const file = await download(page, 'Export backup');
    assert.equal(JSON.parse(file.bytes.toString('utf8')).documents.profile.name, 'Quota Quinn');
  });
});

test('without IndexedDB (a locked-down or guest browser) a banner says the data is temporary and offers export', async () => {
  const withoutIndexedDB = (page) => page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined }); });
  await withApp({ beforeOpen: withoutIndexedDB }, async (page) => {
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /not keeping Wayfinder's data/.test(i.label)), 'the temporary-data banner');
    await typeInto(page, 'Your name', 'Guest Gale');
    const file = await download(page, 'Export backup');
    assert.equal(JSON.parse(file.bytes.toString('utf8')).documents.profile.name, 'Guest Gale');
  });
});
