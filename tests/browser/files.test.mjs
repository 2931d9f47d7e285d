// Files users share: the workspace JSON and PNG snapshots go out as real downloads and come back
// in through the real file chooser or a drop; bad files are refused clearly and change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, typeInto, fieldValue, waitSaved, click, find, waitFor, goTo, download, importFile,
  storedDocuments, items, decodePng, removeProfile, tempDir, ROOT } from './harness.mjs';

const PROFILE = { name: 'Ana Pérez', school: 'Escuela Núñez', focus: 'Grow “maker Mondays” — with Grade 4…' };

async function session(body) {
  const site = await serve();
  const browsers = [];
  const open = async () => {
    const b = await launch();
    browsers.push(b);
    await openApp(b.page, site.url);
    return b;
  };
  try {
    await body(open, site);
    for (const b of browsers) {
      assert.deepEqual(b.errors, [], 'no script errors');
      assert.deepEqual(b.foreignRequests(site.url.replace(/\/$/, '')), [], 'no request leaves the origin');
    }
  } finally {
    for (const b of browsers) { await b.close(); removeProfile(b.profile); }
    await site.close();
  }
}

async function fillProfile(page) {
  await typeInto(page, 'Your name', PROFILE.name);
  await typeInto(page, 'School', PROFILE.school);
  await typeInto(page, 'What you want to focus on', PROFILE.focus);
  await waitSaved(page);
}

async function expectAlert(page, pattern) {
  return waitFor(page, (all) => all.find((i) => i.role === 'alert' && pattern.test(i.label)), `an alert matching ${pattern}`);
}

test('a workspace exported to JSON imports into a fresh browser profile with identical data', async () => {
  await session(async (open) => {
    const first = await open();
    await fillProfile(first.page);
    await goTo(first.page, 'Data & settings');
    const file = await download(first.page, 'Export workspace (JSON)');
    assert.match(file.name, /^wayfinder-workspace-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(file.bytes.toString('utf8'));
    assert.equal(exported.type, 'wayfinder.workspace');
    assert.equal(exported.documents.profile.name, PROFILE.name);
    assert.equal(exported.documents.prefs, undefined, 'device preferences stay on the device');

    // Numbers read back exactly, digit for digit: a field from a later Wayfinder rides along in the
    // profile and must come out as the same doubles (the web app reads decimals through the browser).
    const numbers = [0.1, 2.5e-8, 123456.7890123, -412.3333333333333, 1.7976931348623157e308, 5e-324, 1e21, 3.14159];
    exported.documents.profile.later_numbers = numbers;
    const path = join(tempDir(), file.name);
    writeFileSync(path, JSON.stringify(exported));
    const second = await open();
    await importFile(second.page, path);
    await waitFor(second.page, (all) => all.find((i) => i.label.includes(PROFILE.name)), 'the import summary naming the profile');
    await click(second.page, 'Replace my data', 'button');
    await expectAlert(second.page, /^Imported /);
    await goTo(second.page, 'Home');
    assert.equal(await fieldValue(second.page, 'Your name'), PROFILE.name);
    assert.equal(await fieldValue(second.page, 'What you want to focus on'), PROFILE.focus);
    await waitSaved(second.page);
    const a = await storedDocuments(first.page), b = await storedDocuments(second.page);
    assert.deepEqual(b.profile.later_numbers, numbers, 'every number is read back as the same double');
    delete b.profile.later_numbers;
    assert.deepEqual(b.profile, a.profile, 'the stored profile is identical in both profiles');
  });
});

test('an import can be undone, bringing back what was there before', async () => {
  await session(async (open) => {
    const b = await open();
    await typeInto(b.page, 'Your name', 'Before Import');
    await waitSaved(b.page);
    const path = join(ROOT, 'tests/fixtures/workspace-v1.json');
    await importFile(b.page, path);
    await click(b.page, 'Replace my data', 'button');
    await expectAlert(b.page, /^Imported /);
    // A copy of the data as it was is kept aside before anything is replaced.
    const backups = await b.page.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('wayfinder');
      open.onsuccess = () => {
        const all = open.result.transaction('backups').objectStore('backups').getAll();
        all.onsuccess = () => { open.result.close(); resolve(all.result); };
      };
    }));
    assert.ok(backups.some((r) => r.name.startsWith('before-import-') && JSON.parse(r.text).documents.profile.name === 'Before Import'));
    await click(b.page, 'Undo', 'button');
    await goTo(b.page, 'Home');
    await waitFor(b.page, (all) => all.find((i) => i.label === 'Your name' && i.value === 'Before Import'), 'the name from before');
    await waitSaved(b.page);
    assert.equal((await storedDocuments(b.page)).profile.name, 'Before Import');
  });
});

test('a page snapshot is a sharp PNG at the chosen scale that carries the data back in', async () => {
  await session(async (open) => {
    const first = await open();
    await fillProfile(first.page);
    await goTo(first.page, 'Data & settings');
    await click(first.page, '3x (sharpest)', 'radio');
    await goTo(first.page, 'Home');
    const shot = await download(first.page, 'Snapshot');
    assert.match(shot.name, /^wayfinder-snapshot-home-\d{4}-\d{2}-\d{2}\.png$/);
    const png = decodePng(shot.bytes);
    assert.equal(png.width, 960 * 3, 'drawn at 3x, not upscaled from the screen');
    assert.ok(png.height > 300 * 3);
    const data = JSON.parse(png.text.Wayfinder);
    assert.equal(data.documents.profile.focus, PROFILE.focus);

    const path = join(tempDir(), shot.name);
    writeFileSync(path, shot.bytes);
    const second = await open();
    await importFile(second.page, path);
    await click(second.page, 'Replace my data', 'button');
    await goTo(second.page, 'Home');
    await waitFor(second.page, (all) => all.find((i) => i.label === 'Your name' && i.value === PROFILE.name), 'the name from the picture');

    // A truncated copy of the same picture is refused and changes nothing.
    const cut = join(tempDir(), 'cut.png');
    writeFileSync(cut, shot.bytes.subarray(0, Math.floor(shot.bytes.length / 2)));
    await importFile(first.page, cut);
    await expectAlert(first.page, /"cut\.png" was not opened\..*incomplete/i);
    assert.equal((await storedDocuments(first.page)).profile.name, PROFILE.name);
  });
});

test('a malformed file and a file from a newer Wayfinder are refused clearly and change nothing', async () => {
  await session(async (open) => {
    const b = await open();
    await fillProfile(b.page);
    const before = await storedDocuments(b.page);
    await importFile(b.page, join(ROOT, 'tests/fixtures/malformed.json'));
    await expectAlert(b.page, /"malformed\.json" was not opened\. .*Nothing was changed\./);
    // A file that is not Wayfinder's at all: plain words a librarian understands, not a parser's
    // jargon; and the close button beside the message, not over it.
    const letter = join(tempDir(), 'letter.json');
    writeFileSync(letter, 'Dear principal, thank you for meeting with me.');
    await importFile(b.page, letter);
    const refusal = await expectAlert(b.page, /"letter\.json" was not opened\. This file was not made by Wayfinder/);
    assert.doesNotMatch(refusal.label, /JSON/);
    const close = (await items(b.page)).find((i) => i.label === 'Dismiss' && i.y < refusal.y + refusal.h && i.y + i.h > refusal.y);
    assert.ok(close, 'the notice can be dismissed');
    assert.ok(close.x >= refusal.x + refusal.w, `the close button does not cover the text: ${JSON.stringify([close, refusal])}`);
    // A picture that is not a Wayfinder snapshot is no import: it says where pictures go.
    const picture = join(tempDir(), 'photo.png');
    writeFileSync(picture, await b.page.screenshot());
    await importFile(b.page, picture);
    await expectAlert(b.page, /"photo\.png" is a picture\. Pictures are kept as evidence for a micro-credential: open Micro-credential/);
    await importFile(b.page, join(ROOT, 'tests/fixtures/workspace-newer.json'));
    await expectAlert(b.page, /newer version of Wayfinder/);
    const notWayfinder = join(tempDir(), 'notes.json');
    writeFileSync(notWayfinder, '{"hello": "world"}');
    await importFile(b.page, notWayfinder);
    await expectAlert(b.page, /"notes\.json" was not opened/);
    await goTo(b.page, 'Home');
    assert.equal(await fieldValue(b.page, 'Your name'), PROFILE.name);
    assert.deepEqual(await storedDocuments(b.page), before, 'stored data is unchanged');
  });
});

test('a file dropped anywhere on the page opens the same way', async () => {
  await session(async (open) => {
    const b = await open();
    const text = JSON.stringify({ type: 'wayfinder.workspace', version: 1, exported_at: '2026-11-20T10:00:00Z',
      documents: { profile: { type: 'wayfinder.profile', version: 1, name: 'Dropped Dana' } } });
    await b.page.evaluate((json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await click(b.page, 'Replace my data', 'button');
    await waitFor(b.page, (all) => all.find((i) => i.label === 'Your name' && i.value === 'Dropped Dana'), 'the dropped name');
  });
});
