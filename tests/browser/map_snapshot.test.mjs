// "Snapshot of this map": the whole map as a PNG at the chosen scale, drawn (not upscaled), in tiles
// when it is bigger than the GPU draws at once, stitched without a seam, and carrying the journey so
// it opens again in a fresh browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, waitFor, click, clickItem, scrollTo, goTo, typeInto, press, download, importFile, waitForStored, decodePng, distinctColours, removeProfile, tempDir, toTop } from './harness.mjs';

const NOTE = 'Family literacy nights';
const labelled = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role));

const top = (page) => toTop(page, 400);

async function snapshotOfMap(page) {
  await top(page);
  await scrollTo(page, labelled('Snapshot of this map', 'button'), 'the map toolbar');
  return download(page, 'Snapshot of this map');
}

// Pixels that differ between two pictures of one size (a channel off by more than 2).
function differing(a, b) {
  let n = 0;
  for (let i = 0; i < a.pixels.length; i += 4)
    for (let k = 0; k < 3; k++) if (Math.abs(a.pixels[i + k] - b.pixels[i + k]) > 2) { n++; break; }
  return n;
}

test('a map snapshot is the whole map at 1x or 3x, tiled without a seam when forced, and opens again in a fresh browser', async () => {
  const site = await serve();
  const browsers = [];
  try {
    const a = await launch({ width: 1280, height: 800 });
    browsers.push(a);
    await openApp(a.page, site.url);
    await goTo(a.page, 'Data & settings');
    await click(a.page, '1x (smallest file)', 'radio');
    await goTo(a.page, "Let's Talk");
    await click(a.page, 'Start a new journey', 'button');
    await waitFor(a.page, (all) => all.find((i) => i.role === 'heading' && /^Step 1: /.test(i.label)), 'step 1');
    await top(a.page);
    await clickItem(a.page, await scrollTo(a.page, (all) => all.find((i) => i.role === 'button' && i.label.startsWith('3 ')), 'the step 3 chip'));
    await waitFor(a.page, (all) => all.find((i) => i.role === 'heading' && /^Step 3: /.test(i.label)), 'step 3');
    await scrollTo(a.page, labelled('A note from the plans'), 'the Venn list');
    await typeInto(a.page, 'A note from the plans', NOTE);
    await press(a.page, 'Escape');
    await clickItem(a.page, await scrollTo(a.page, labelled('Add to the map', 'button'), 'Add to the map'));

    const one = decodePng((await snapshotOfMap(a.page)).bytes);
    assert.ok(one.width > 1280 && one.height > 800, `the whole map, not the part on screen: ${one.width} x ${one.height}`);
    assert.ok(distinctColours(one) > 20, 'not blank');

    // The same map drawn in 512-pixel tiles is the same picture: nothing doubled or missing at a seam.
    await a.page.evaluate(() => { window.wayfinder.snapshotTileSize = 512; });
    const tiled = decodePng((await snapshotOfMap(a.page)).bytes);
    assert.deepEqual([tiled.width, tiled.height], [one.width, one.height]);
    assert.ok(one.width > 1024 && one.height > 1024, 'the map spans several tiles each way');
    assert.equal(differing(one, tiled), 0, 'the tiled picture matches the one drawn whole');
    await a.page.evaluate(() => { window.wayfinder.snapshotTileSize = 0; });

    // 3x: three times the map's size each way, drawn at that scale (finer detail, not an upscale).
    await goTo(a.page, 'Data & settings');
    await click(a.page, '3x (sharpest)', 'radio');
    await goTo(a.page, "Let's Talk");
    const shot = await snapshotOfMap(a.page);
    assert.match(shot.name, /^wayfinder-map-venn-\d{4}-\d{2}-\d{2}\.png$/);
    const three = decodePng(shot.bytes);
    assert.deepEqual([three.width, three.height], [one.width * 3, one.height * 3]);
    assert.ok(distinctColours(three) > distinctColours(one), 'drawn at 3x, with the detail that brings');
    const carried = JSON.parse(three.text.Wayfinder);
    assert.ok(JSON.stringify(carried).includes(NOTE), 'the picture carries the journey');

    // Dropped into a fresh browser, the picture brings the journey back with its note.
    const path = join(tempDir(), shot.name);
    writeFileSync(path, shot.bytes);
    const b = await launch();
    browsers.push(b);
    await openApp(b.page, site.url);
    await importFile(b.page, path);
    await waitFor(b.page, (all) => all.find((i) => i.role === 'alert' && /^Added /.test(i.label)), 'the added notice');
    const journeyWithNote = (docs) => Object.values(docs).filter((d) => d.type === 'wayfinder.journey' && JSON.stringify(d).includes(NOTE));
    assert.equal(journeyWithNote(await waitForStored(b.page, (docs) => journeyWithNote(docs).length > 0, 'the journey')).length, 1);

    for (const x of browsers) {
      assert.deepEqual(x.errors, [], 'no script errors');
      assert.deepEqual(x.foreignRequests(site.url.replace(/\/$/, '')), [], 'no request leaves the origin');
    }
  } finally {
    for (const x of browsers) { await x.close(); removeProfile(x.profile); }
    await site.close();
  }
});
