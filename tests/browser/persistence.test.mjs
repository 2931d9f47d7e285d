// "Saved" means durably committed: what was typed survives a reload and a browser restart, and
// works with no network once the app has been visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, serve, launch, openApp, waitForStored, typeInto, fieldValue, waitSaved, saveStatus, find, click, waitFor, removeProfile, tempDir } from './harness.mjs';

const NAME = 'Ana Pérez-Núñez';
const FOCUS = 'Co-teach “research sprints” with grade 5 — and show the principal what students made…';

async function storedProfile(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('wayfinder');
    open.onsuccess = () => {
      const get = open.result.transaction('documents').objectStore('documents').get('profile');
      get.onsuccess = () => { open.result.close(); resolve(get.result); };
      get.onerror = () => reject(get.error);
    };
  }));
}

test('typed text is saved, survives a reload, and the indicator tells the truth', async () => {
  await withApp({}, async (page, browser, site) => {
    await typeInto(browser.page, 'Your name', NAME);
    assert.match(await saveStatus(browser.page), /Saving/, 'a change not yet committed is not called saved');
    await waitSaved(browser.page);
    const record = await storedProfile(browser.page);
    assert.ok(record.revision >= 1, 'stored with a revision number');
    assert.equal(JSON.parse(record.text).name, NAME);
    await typeInto(browser.page, 'What you want to focus on', FOCUS);
    await waitSaved(browser.page);
    await browser.page.reload();
    await openApp(browser.page, site.url);
    assert.equal(await fieldValue(browser.page, 'Your name'), NAME);
    assert.equal(await fieldValue(browser.page, 'What you want to focus on'), FOCUS);
    await waitFor(browser.page, (all) => all.some((i) => i.label === 'Welcome back, ' + NAME + '.'), 'the greeting');
  });
});

test('what was saved is still there after the browser is closed and opened again', async () => {
  const site = await serve();
  const profile = tempDir();
  try {
    let browser = await launch({ profile });
    await openApp(browser.page, site.url);
    await typeInto(browser.page, 'School', 'Lincoln Elementary');
    await waitSaved(browser.page);
    await browser.close();
    browser = await launch({ profile });
    await openApp(browser.page, site.url);
    assert.equal(await fieldValue(browser.page, 'School'), 'Lincoln Elementary');
    await browser.close();
  } finally {
    await site.close(); removeProfile(profile);
  }
});

test('hiding the page saves at once, without waiting for the autosave pause', async () => {
  // Like a tab the browser freezes right after it is hidden: timers of a second or more never fire,
  // so the autosave pause never ends and only the flush on hiding can save.
  const frozenTimers = (page) => page.addInitScript(() => {
    const realSetTimeout = window.setTimeout;
    window.setTimeout = (fn, ms, ...rest) => (ms >= 500 ? 0 : realSetTimeout(fn, ms, ...rest));
  });
  await withApp({ beforeOpen: frozenTimers }, async (page) => {
    await typeInto(page, 'District', 'Northside USD');
    assert.match(await saveStatus(page), /Saving/);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitForStored(page, (docs) => docs.profile && docs.profile.district === 'Northside USD', 'the district, written by the flush');
  });
});

test('after one visit the app starts with the server gone, with its data', async () => {
  const site = await serve();
  const browser = await launch();
  try {
    await openApp(browser.page, site.url);
    await browser.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    await typeInto(browser.page, 'Your role', 'Teacher librarian');
    await waitSaved(browser.page);
    await site.close();                                  // no server: only the service worker's cache remains
    await browser.page.reload();
    await openApp(browser.page, site.url);
    assert.equal(await fieldValue(browser.page, 'Your role'), 'Teacher librarian');
    await click(browser.page, 'Data & settings', 'tab');
    await find(browser.page, 'Export workspace (JSON)', 'button');
  } finally {
    await browser.close(); await site.close().catch(() => {}); removeProfile(browser.profile);
  }
});

test('undo and redo work from the keyboard outside text fields', async () => {
  await withApp({}, async (page) => {
    await typeInto(page, 'Your name', 'Sam');
    await page.keyboard.press('Escape');                 // leave the field; focus returns to the app
    await waitFor(page, (all) => all.some((i) => i.label === 'Undo' && !i.disabled), 'Undo enabled');
    await page.keyboard.press('Control+z');
    await waitFor(page, (all) => all.some((i) => i.label === 'Your name' && i.value === ''), 'the name undone');
    await page.keyboard.press('Control+Shift+z');
    await waitFor(page, (all) => all.some((i) => i.label === 'Your name' && i.value === 'Sam'), 'the name redone');
    await waitSaved(page);
  });
});
