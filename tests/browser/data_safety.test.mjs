// Data safety as a librarian meets it: two tabs of one browser never overwrite each other, items
// this version cannot read are kept byte for byte, an empty browser is one backup file away from
// whole, the backup reminder comes after a week and not before, and a tab that a newer Wayfinder
// supersedes stops writing and says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, waitFor, waitSaved, click, typeInto, fieldValue, goTo, download, storedDocuments,
  waitForStored, find, removeProfile, tempDir, scrollTo, clickItem, press, chooseFile, items, ROOT } from './harness.mjs';

const pack = JSON.parse(readFileSync(join(ROOT, 'assets/journeys/lets-talk.json'), 'utf8'));

// One browser (one profile) with two tabs of Wayfinder, as a librarian opens the same URL twice.
async function twoTabs(body, { beforeOpen, beforeOpenB } = {}) {
  const site = await serve();
  const browser = await launch();
  try {
    const a = browser.page;
    const b = await browser.context.newPage();
    const errors = [];
    b.on('pageerror', (e) => errors.push(e.message));
    for (const page of [a, b]) {
      if (beforeOpen) await beforeOpen(page);
      if (beforeOpenB && page === b) await beforeOpenB(page);
      await openApp(page, site.url);
    }
    const [driveA, driveB] = frontWhenDriven([a, b]);
    await body(driveA, driveB, site, browser);
    assert.deepEqual([...browser.errors, ...errors], [], 'no script errors');
    assert.deepEqual(browser.foreignRequests(site.url.replace(/\/$/, '')), [], 'no request leaves the origin');
  } finally {
    await browser.close();
    await site.close();
    removeProfile(browser.profile);
  }
}

// Headless Chromium draws a tab that is not in front about once a second, so a test waiting on
// its frames, or moving its mouse, waits seconds a step (a two-tab test took two minutes). Each page
// is brought to the front when the test drives or reads it, as a person switches to the tab they
// use; both stay "visible" to the page (no visibilitychange), so what the tabs do is unchanged.
function frontWhenDriven(pages) {
  let inFront = null;
  const front = async (page) => { if (inFront !== page) { await page.bringToFront(); inFront = page; } };
  // `target` with its methods in `names` bringing `page` to the front first, and `parts` in place of its own.
  const driving = (page, target, names, parts = {}) => new Proxy(target, {
    get(object, name) {
      if (name in parts) return parts[name];
      const value = object[name];
      if (typeof value !== 'function') return value;
      if (!names.includes(name)) return value.bind(object);
      return async (...args) => { await front(page); return value.apply(object, args); };
    },
  });
  return pages.map((page) => driving(page, page, ['evaluate', 'waitForFunction', 'reload', 'goto', 'focus'], {
    mouse: driving(page, page.mouse, ['click', 'move', 'down', 'up', 'wheel', 'dblclick']),
    keyboard: driving(page, page.keyboard, ['press', 'type', 'down', 'up', 'insertText']),
  }));
}

// A tab that hears nothing from the others (as a tab the browser froze in the background): its copy
// of the profile goes stale, so its next write is based on a revision that is no longer stored.
const deaf = (page) => page.addInitScript(() => {
  const Real = window.BroadcastChannel;
  window.BroadcastChannel = function (name) {
    const channel = new Real(name);
    return { postMessage: (m) => channel.postMessage(m), close: () => channel.close(), set onmessage(f) { /* never hears */ } };
  };
});
// Timers of half a second or more never fire (as in a frozen tab): its changes are written only
// when the test hides it.
const freezeAutosave = (page) => page.addInitScript(() => {
  const realSetTimeout = window.setTimeout;
  window.setTimeout = (fn, ms, ...rest) => (ms >= 500 ? 0 : realSetTimeout(fn, ms, ...rest));
});
const valueIs = (label, value) => (all) => all.find((i) => i.label === label && i.value === value);
const alertMatching = (pattern) => (all) => all.find((i) => (i.role === 'alert' || i.role === 'status') && pattern.test(i.label));

// The stored records exactly as IndexedDB holds them: key -> {text, revision}.
const rawRecords = (page) => page.evaluate(() => new Promise((resolve) => {
  const open = indexedDB.open('wayfinder');
  open.onsuccess = () => {
    const all = open.result.transaction('documents').objectStore('documents').getAll();
    all.onsuccess = () => { open.result.close(); resolve(Object.fromEntries(all.result.map((r) => [r.key, r]))); };
  };
}));
// Stores records as another build would (bypassing this build's app), in one transaction.
const putRecords = (page, records) => page.evaluate((records) => new Promise((resolve, reject) => {
  const open = indexedDB.open('wayfinder');
  open.onsuccess = () => {
    const tx = open.result.transaction('documents', 'readwrite', { durability: 'strict' });
    records.forEach((r) => tx.objectStore('documents').put(r));
    tx.oncomplete = () => { open.result.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
}), records);

async function reload(page, site) {
  await page.reload();
  await openApp(page, site.url);
}

test('two tabs editing different fields of the profile both show "Saved", each sees the other, and a reload keeps both', async () => {
  await twoTabs(async (a, b, site) => {
    await typeInto(a, 'Your name', 'Ana Pérez');
    await waitSaved(a);
    // The other tab, not editing the profile, shows the new name at once, without a reload.
    await waitFor(b, valueIs('Your name', 'Ana Pérez'), 'the name from the other tab');
    await typeInto(b, 'Your role', 'Teacher librarian');
    await waitSaved(b);
    await waitFor(a, valueIs('Your role', 'Teacher librarian'), 'the role from the other tab');
    await reload(a, site);
    assert.equal(await fieldValue(a, 'Your name'), 'Ana Pérez');
    assert.equal(await fieldValue(a, 'Your role'), 'Teacher librarian');
  });
});

test('edits made in two tabs at the same time to different fields are merged, not overwritten', async () => {
  await twoTabs(async (a, b, site) => {
    await typeInto(a, 'School', 'Lincoln Elementary');
    await waitSaved(a);
    await typeInto(b, 'District', 'Northside USD');   // b never heard of the school: its copy is stale
    await waitSaved(b);
    const docs = await storedDocuments(a);
    assert.equal(docs.profile.school, 'Lincoln Elementary', "b's stale write did not drop a's school");
    assert.equal(docs.profile.district, 'Northside USD');
    await waitFor(b, valueIs('School', 'Lincoln Elementary'), 'the school in the second tab, once merged');
    await waitFor(a, valueIs('District', 'Northside USD'), 'the district in the first tab');
    await reload(b, site);
    assert.equal(await fieldValue(b, 'School'), 'Lincoln Elementary');
    assert.equal(await fieldValue(b, 'District'), 'Northside USD');
  }, { beforeOpenB: deaf });
});

test('when two tabs change the same field, the tab that lost the race keeps both texts, says so, and lets the librarian choose', async () => {
  await twoTabs(async (a, b, site) => {
    await typeInto(a, 'What you want to focus on', 'Co-teach research with grade 5.');
    await waitSaved(a);
    // b's copy is stale (it heard nothing): its write is refused, and merged with what a stored.
    await typeInto(b, 'What you want to focus on', 'Start a maker club.');
    await press(b, 'Escape');
    await waitFor(b, alertMatching(/also changed in another tab; both versions are kept/), 'the notice in the losing tab');
    await waitFor(b, (all) => all.find((i) => i.label === 'From the other tab: Co-teach research with grade 5.'), "the other tab's text");
    await waitFor(b, valueIs('What you want to focus on', 'Start a maker club.'), "this tab's text still in the field");
    // Both texts are durably stored before anyone chooses.
    const stored = await waitForStored(b, (docs) => docs.profile?._conflicts?.length === 1 &&
      docs.profile.focus === 'Start a maker club.', 'both texts stored');
    assert.equal(stored.profile.focus, 'Start a maker club.');
    assert.equal(stored.profile._conflicts[0].theirs, 'Co-teach research with grade 5.');
    // A notice that stays on screen costs no frames once drawn (idle means idle).
    await waitSaved(b);
    await b.waitForFunction(() => window.wayfinder.settled());
    const frames = await b.evaluate(() => window.wayfinder.frames());
    await b.waitForTimeout(600);
    assert.equal(await b.evaluate(() => window.wayfinder.frames()), frames, 'no frames drawn while idle with the notice shown');
    await click(b, 'Keep both', 'button');
    await waitFor(b, valueIs('What you want to focus on', 'Start a maker club.\n\nCo-teach research with grade 5.'), 'both texts kept');
    await waitForStored(b, (docs) => docs.profile?.focus === 'Start a maker club.\n\nCo-teach research with grade 5.' &&
      !docs.profile._conflicts, 'the choice stored');
    await reload(a, site);
    assert.equal(await fieldValue(a, 'What you want to focus on'), 'Start a maker club.\n\nCo-teach research with grade 5.');
  }, { beforeOpenB: deaf });
});

test('two tabs editing one Let\'s Talk journey keep both answers', async () => {
  await twoTabs(async (a, b, site) => {
    await goTo(a, "Let's Talk");
    await click(a, 'Start a new journey', 'button');
    await typeInto(a, 'Journey name', 'With Dr. Rivera');
    await waitSaved(a);
    await reload(b, site);                              // b hears nothing from a: it reads the journey at start-up
    await goTo(b, "Let's Talk");
    await click(b, 'Open journey', 'button');
    await waitFor(b, valueIs('Journey name', 'With Dr. Rivera'), 'the journey in the second tab');
    // Each tab answers a different question of step 1; b's copy never saw a's answer.
    const prompts = pack.steps[0].reflections.map((r) => r.text);
    await scrollTo(a, (all) => all.find((i) => i.label === prompts[0]), 'the first prompt');
    await typeInto(a, prompts[0], 'I hold back when I worry about stepping on toes.');
    await press(a, 'Escape');
    await scrollTo(b, (all) => all.find((i) => i.label === prompts[1]), 'the second prompt');
    await typeInto(b, prompts[1], 'Asking for feedback early.');
    await press(b, 'Escape');
    await waitSaved(a);
    await waitSaved(b);
    await reload(a, site);
    await goTo(a, "Let's Talk");
    await click(a, 'Open journey', 'button');
    await waitFor(a, (all) => all.find((i) => i.role === 'heading' && /^Step 1: /.test(i.label)), 'step 1 after the reload');
    await scrollTo(a, valueIs(prompts[0], 'I hold back when I worry about stepping on toes.'), 'the first answer after a reload');
    await scrollTo(a, valueIs(prompts[1], 'Asking for feedback early.'), 'the second answer after a reload');
  }, { beforeOpenB: deaf });
});

// A profile that is not valid JSON (a damaged record), and a journey saved by a newer Wayfinder.
const DAMAGED = '{"type":"wayfinder.profile","version":1,"name":"Ana P';
const NEWER = JSON.stringify({ type: 'wayfinder.journey', version: 99, id: 'j-future', name: 'From a newer Wayfinder' });

test('a damaged profile and a journey from a newer build survive an edit and a reload byte for byte, and can be exported', async () => {
  await twoTabs(async (a, b, site) => {
    await b.close();
    await putRecords(a, [{ key: 'profile', revision: 4, text: DAMAGED }, { key: 'journey/j-future', revision: 2, text: NEWER }]);
    await reload(a, site);
    await waitFor(a, alertMatching(/could not be read by this version of Wayfinder/), 'the notice');
    await waitFor(a, alertMatching(/saved profile could not be read/), 'the profile locked, with the reason');
    // Try to edit the profile, and make an edit elsewhere that is saved.
    const name = (await items(a)).find((i) => i.label === 'Your name' && i.role === 'textbox');   // shown locked, if at all
    if (name) await clickItem(a, name);
    await a.keyboard.type('Overwrite');
    await goTo(a, 'Data & settings');
    await click(a, 'Dark', 'radio');
    await waitSaved(a);
    await reload(a, site);
    const raw = await rawRecords(a);
    assert.equal(raw.profile.text, DAMAGED, 'the damaged profile is byte for byte as it was');
    assert.equal(raw['journey/j-future'].text, NEWER, 'the newer journey is byte for byte as it was');
    // Data & settings says what is wrong and exports each as it is stored.
    await goTo(a, 'Data & settings');
    await scrollTo(a, (all) => all.find((i) => /^profile: It is damaged/.test(i.label)), 'the damaged profile listed');
    await scrollTo(a, (all) => all.find((i) => /^journey\/j-future: .*newer version/.test(i.label)), 'the newer journey listed');
    const exports = (await a.evaluate(() => window.wayfinder.items())).filter((i) => i.label === 'Export this item');
    assert.equal(exports.length, 2);
    const [file] = await Promise.all([a.waitForEvent('download'), clickItem(a, exports[0])]);
    assert.ok([DAMAGED, NEWER].includes(readFileSync(await file.path(), 'utf8')), 'exported exactly as stored');
    // The workspace backup carries the newer journey too (Data & settings opened again, at its top).
    await goTo(a, 'Home');
    await goTo(a, 'Data & settings');
    const backup = JSON.parse((await download(a, 'Export workspace (JSON)')).bytes.toString('utf8'));
    assert.equal(backup.unreadable['journey/j-future'], NEWER, 'the backup carries it byte for byte');
    assert.equal(backup.unreadable.profile, DAMAGED);
  });
});

test('an empty browser offers to restore a backup first, and restoring it brings everything back', async () => {
  const site = await serve();
  const first = await launch(), second = await launch();
  try {
    await openApp(first.page, site.url);
    await typeInto(first.page, 'Your name', 'Ana Pérez');
    await typeInto(first.page, 'What you want to focus on', 'Reading for fun across the school.');
    await waitSaved(first.page);
    await goTo(first.page, 'Data & settings');
    await find(first.page, 'No backup has been exported from this browser yet.');
    const backup = await download(first.page, 'Export workspace (JSON)');
    await waitFor(first.page, (all) => all.find((i) => /^Last backup exported from this browser: \d{4}-\d{2}-\d{2} \(today\)\.$/.test(i.label)),
      'when the last backup was made');
    const path = join(tempDir(), backup.name);
    writeFileSync(path, backup.bytes);

    // A wiped Chromebook: a fresh browser. Restoring comes first on Home.
    const page = second.page;
    await openApp(page, site.url);
    await chooseFile(page, 'Restore from a backup file…', path);
    await click(page, 'Replace my data', 'button');
    await waitFor(page, valueIs('Your name', 'Ana Pérez'), 'the name restored');
    await waitSaved(page);
    await reload(page, site);
    assert.equal(await fieldValue(page, 'What you want to focus on'), 'Reading for fun across the school.');
    await waitFor(page, (all) => !all.some((i) => i.label === 'Restore from a backup file…'), 'no restore offer once there is data');
    // The copy kept before the import is listed after the reload, and can be exported.
    await goTo(page, 'Data & settings');
    await scrollTo(page, (all) => all.find((i) => /^Before an import, \d{4}-\d{2}-\d{2}/.test(i.label)), 'the kept copy listed');
    const kept = await download(page, 'Export this copy');
    assert.equal(JSON.parse(kept.bytes.toString('utf8')).type, 'wayfinder.workspace');
  } finally {
    await first.close(); await second.close(); await site.close();
    removeProfile(first.profile); removeProfile(second.profile);
  }
});

test('the backup reminder appears after a week of edits with no backup, and not before', async () => {
  // The browser's clock, moved forward by the test (the app reads the time from Date.now()).
  const clock = (page) => page.addInitScript(() => {
    const realNow = Date.now;
    Date.now = () => realNow() + Number(localStorage.getItem('test-clock-offset-ms') || 0);
  });
  const days = (n) => String(n * 24 * 3600 * 1000);
  const reminder = (all) => all.find((i) => i.label === 'Export a backup now');
  await twoTabs(async (a, b, site) => {
    await b.close();
    await typeInto(a, 'Your name', 'Ana Pérez');
    await press(a, 'Escape');
    await waitSaved(a);
    await a.evaluate((ms) => localStorage.setItem('test-clock-offset-ms', ms), days(6));
    await reload(a, site);
    assert.ok(!reminder(await a.evaluate(() => window.wayfinder.items())), 'no reminder after six days');
    await a.evaluate((ms) => localStorage.setItem('test-clock-offset-ms', ms), days(8));
    await reload(a, site);
    await waitFor(a, alertMatching(/no backup was exported/), 'the reminder after eight days');
    const file = await download(a, 'Export a backup now');
    assert.match(file.name, /^wayfinder-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    await waitFor(a, (all) => !reminder(all), 'the reminder gone once a backup is made');
    await waitSaved(a);
    await reload(a, site);
    assert.ok(!reminder(await a.evaluate(() => window.wayfinder.items())), 'and still gone after a reload');
  }, { beforeOpen: clock });
});

test('a tab superseded by a newer Wayfinder stops writing and asks to be reloaded, after writing what was pending', async () => {
  await twoTabs(async (a, b) => {
    await typeInto(a, 'Your name', 'Typed just before the update');
    // A newer Wayfinder opens in the other tab and upgrades the database (to the version after this build's).
    await b.evaluate(async () => {
      const current = (await indexedDB.databases()).find((d) => d.name === 'wayfinder').version;
      await new Promise((resolve, reject) => {
        const open = indexedDB.open('wayfinder', current + 1);
        open.onsuccess = () => { open.result.close(); resolve(); };
        open.onerror = () => reject(open.error);
      });
    });
    await waitFor(a, alertMatching(/stopped saving: Wayfinder was updated in another tab/), 'the reload request');
    await find(a, 'Reload this tab', 'button');
    const docs = await storedDocuments(b);
    assert.equal(docs.profile.name, 'Typed just before the update', 'what was pending was written before the upgrade');
  }, { beforeOpen: freezeAutosave });
});

test('a document saved by a newer build in another tab makes an older tab stop writing instead of overwriting it', async () => {
  await twoTabs(async (a, b) => {
    await typeInto(a, 'Your name', 'Ana');
    await waitSaved(a);
    // The newer build stores a profile version this build cannot read, and announces it as builds do.
    const newer = JSON.stringify({ type: 'wayfinder.profile', version: 99, name: 'Ana', pronouns: 'she/her' });
    const revision = (await rawRecords(b)).profile.revision + 1;
    await putRecords(b, [{ key: 'profile', revision, text: newer }]);
    await b.evaluate(({ text, revision }) => new BroadcastChannel('wayfinder-documents').postMessage({ key: 'profile', revision, text }),
      { text: newer, revision });
    await waitFor(a, alertMatching(/stopped saving: another tab runs a newer version of Wayfinder/), 'the reload request');
    await typeInto(a, 'Your role', 'Librarian');
    await press(a, 'Escape');
    await a.waitForTimeout(1500);   // past the autosave pause: a write, if one were made, would have landed
    assert.equal((await rawRecords(b)).profile.text, newer, 'the newer profile is untouched');
  });
});

test('a backup file chosen once is kept up to date on every save, also after a restart', async () => {
  // The browser's own save dialog cannot be answered by automation; it is given a real file instead:
  // one in this site's private file system, written through the same File System Access calls.
  const pickFile = (page) => page.addInitScript(() => {
    window.showSaveFilePicker = async () => (await navigator.storage.getDirectory()).getFileHandle('wayfinder-backup.json', { create: true });
  });
  const fileText = (page) => page.evaluate(async () => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('wayfinder-backup.json');
    return (await handle.getFile()).text();
  });
  await twoTabs(async (a, b, site) => {
    await b.close();
    await typeInto(a, 'Your name', 'Ana Pérez');
    await press(a, 'Escape');
    await waitSaved(a);
    await goTo(a, 'Data & settings');
    await clickItem(a, await scrollTo(a, (all) => all.find((i) => i.label === 'Keep a backup file up to date…'), 'the choice'));
    await waitFor(a, (all) => all.find((i) => i.label.includes('Every save also updates the backup file "wayfinder-backup.json"')), 'the file named');
    let text = '';
    for (let i = 0; i < 100 && !text.includes('Ana Pérez'); i++) { text = await fileText(a); await a.waitForTimeout(50); }
    assert.equal(JSON.parse(text).documents.profile.name, 'Ana Pérez', 'the file holds the workspace at once');
    await reload(a, site);
    await typeInto(a, 'Your role', 'Teacher librarian');
    await press(a, 'Escape');
    await waitSaved(a);
    for (let i = 0; i < 100 && !text.includes('Teacher librarian'); i++) { text = await fileText(a); await a.waitForTimeout(50); }
    assert.equal(JSON.parse(text).documents.profile.role, 'Teacher librarian', 'updated on the next save, after a restart');
    // The choice is remembered across the restart.
    await goTo(a, 'Data & settings');
    await find(a, 'Stop updating the backup file', 'button');
  }, { beforeOpen: pickFile });
});
