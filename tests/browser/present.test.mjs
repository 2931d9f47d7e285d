// Screen-share mode, as a librarian uses it in a video meeting: the map alone fills the window, the
// private continuum stays hidden until asked for, notes are revealed one at a time with the arrow
// keys, and Escape gives the page back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, withApp, items, press, waitFor, click, clickItem, scrollTo, goTo, toTop, toStep, startJourney, mapRegion } from './harness.mjs';

const pack = JSON.parse(readFileSync(join(ROOT, 'assets/journeys/lets-talk.json'), 'utf8'));
const [first, second] = pack.continuum_phrases.map((p) => p.text);
const labelled = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role));
const notes = (all) => all.filter((i) => i.role === 'note').map((i) => i.label).sort();
const top = (page) => toTop(page, 400);
const notesAre = (wanted) => (all) => JSON.stringify(notes(all)) === JSON.stringify([...wanted].sort()) && all.length > 0;

test('screen-share mode shows the map alone, hides the private continuum until asked, reveals notes one at a time, and Escape leaves', async () => {
  await withApp({ width: 1280, height: 720 }, async (page) => {
    await goTo(page, "Let's Talk");
    await click(page, 'Start a new journey', 'button');
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Step 1: /.test(i.label)), 'step 1');
    for (const phrase of [first, second]) await clickItem(page, await scrollTo(page, labelled(`+ ${phrase}`, 'button'), `"${phrase}" to place`));
    await top(page);
    await clickItem(page, await scrollTo(page, labelled('Present', 'button'), 'the map toolbar\'s Present button'));

    // The map alone: no sidebar, no top bar; the continuum is private by default, so nothing of it shows.
    await waitFor(page, labelled('Leave (Esc)', 'button'), 'screen-share mode');
    let all = await items(page);
    assert.ok(!all.some((i) => i.role === 'tab'), 'the sidebar is gone');
    assert.ok(!all.some((i) => i.label === 'Snapshot' || i.label === 'Undo'), 'the top bar is gone');
    assert.deepEqual(notes(all), [], 'private notes are hidden');
    assert.ok(all.some((i) => i.role === 'status' && i.label.endsWith('2 private notes hidden')));
    const size = all.find((i) => i.role === 'status' && /^Text \d+ %$/.test(i.label));
    assert.ok(Number(size.label.match(/\d+/)[0]) > 100, `the text is made larger to read on a shared screen: ${size.label}`);

    await click(page, 'Show private notes', 'checkbox');
    await waitFor(page, notesAre([first, second]), 'both phrases shown on request');

    // One at a time: Right reveals the next, Left takes it back; past the last, all are shown.
    await click(page, 'One at a time', 'button');
    await waitFor(page, (all) => notes(all).length === 0 && labelled('0 of 2 notes shown', 'status')(all), 'every note hidden');
    await press(page, 'ArrowRight');
    await waitFor(page, (all) => notes(all).length === 1 && labelled('1 of 2 notes shown', 'status')(all), 'the first note revealed');
    await press(page, 'ArrowRight');
    await waitFor(page, (all) => notes(all).length === 2 && labelled('2 of 2 notes shown', 'status')(all), 'the second note revealed');
    await press(page, 'ArrowLeft');
    await waitFor(page, (all) => notes(all).length === 1, 'back to one note');
    await click(page, 'Show all', 'button');
    await waitFor(page, notesAre([first, second]), 'all notes again');

    await press(page, 'Escape');
    await waitFor(page, (all) => all.some((i) => i.role === 'tab') && labelled('Present', 'button')(all) && !labelled('Leave (Esc)')(all),
      'the page back, with its sidebar and the map toolbar');
  });
});

// A new journey's map shared on screen, with the laser pointer (K) on.
async function presentWithLaser(page) {
  await goTo(page, "Let's Talk");
  await click(page, 'Start a new journey', 'button');
  await clickItem(page, await scrollTo(page, labelled('Present', 'button'), 'the Present button'));
  await waitFor(page, labelled('Leave (Esc)', 'button'), 'screen-share mode');
  await press(page, 'k');
  await waitFor(page, (all) => all.some((i) => i.role === 'checkbox' && i.label === 'Laser pointer (K)' && i.checked), 'the laser on');
}

test('the laser pointer draws frames only while its trail fades, then the page is idle again', async () => {
  await withApp({ width: 1280, height: 720 }, async (page) => {
    await presentWithLaser(page);
    for (let x = 300; x <= 900; x += 50) await page.mouse.move(x, 400);
    // With the pointer still, the trail goes on fading, a frame at a time; once it has faded, no frames.
    const moved = await page.evaluate(() => window.wayfinder.frames());
    await page.waitForFunction((n) => window.wayfinder.frames() > n + 3, moved, { polling: 20, timeout: 5000 });
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20, timeout: 5000 });
    const faded = await page.evaluate(() => window.wayfinder.frames());
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.wayfinder.frames()), faded, 'no frames once the trail has faded');
  });
});

test('with the system set to reduce motion, the laser pointer leaves no trail: the page is idle once the pointer stops', async () => {
  await withApp({ width: 1280, height: 720 }, async (page) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await presentWithLaser(page);
    for (let x = 300; x <= 850; x += 50) await page.mouse.move(x, 400);
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20, timeout: 5000 });
    // One more step: the frames that show the dot's new place, and none after them, where a fading
    // trail draws a frame at a time for as long as it fades (the test above).
    const before = await page.evaluate(() => window.wayfinder.frames());
    await page.mouse.move(900, 400);
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20, timeout: 5000 });
    const drawn = await page.evaluate(() => window.wayfinder.frames()) - before;
    assert.ok(drawn <= 4, `${drawn} frames after the pointer stopped`);
  });
});

// A note is drawn 168 units wide and its text 17 units tall at 100 % (kNoteSize in
// core/map_templates.hpp, kNoteTextPx in ui/canvas_view.hpp): on screen its text is that share of
// its width, times the text size screen-share mode shows.
const textCssPx = (note, percent) => note.w * (17 / 168) * percent / 100;

test('on a 1280x720 shared screen every note of every map reads at 16 CSS px or more, whole in the window', async () => {
  await withApp({ width: 1280, height: 720 }, async (page) => {
    await startJourney(page);
    const maps = [[1, 'On the line', 'Asking for help early'], [3, 'District, school and library', 'Family literacy nights'],
      [5, 'In the circle', 'Every student reading at grade level'], [6, 'Who', 'The library and grade 7 teachers']];
    for (const [step, region, text] of maps) {
      // A click on the page's tab: the last map lets go of the keyboard, and the wheel scrolls the page.
      await goTo(page, "Let's Talk");
      await toStep(page, step);
      // A note typed onto the map with the keyboard, where its region is.
      await clickItem(page, await scrollTo(page, (all) => { const r = mapRegion(region)(all); return r && !r.clipped && r; }, `"${region}"`));
      await press(page, 'n');
      await page.locator('#wf-editor').waitFor({ state: 'visible' });
      await page.keyboard.type(text);
      await press(page, 'Enter');
      await waitFor(page, (all) => all.find((i) => i.role === 'note' && i.label === text), `"${text}" on the step ${step} map`);
      // P: the map, still holding the keyboard, goes to screen-share mode.
      await press(page, 'p');
      await waitFor(page, labelled('Leave (Esc)', 'button'), 'screen-share mode');
      if (labelled('Show private notes', 'checkbox')(await items(page))) await click(page, 'Show private notes', 'checkbox');
      const all = await waitFor(page, (all) => all.some((i) => i.role === 'note' && i.label === text) && all, `"${text}" shared`);
      const percent = Number(all.find((i) => i.role === 'status' && /^Text \d+ %$/.test(i.label)).label.match(/\d+/)[0]);
      for (const note of all.filter((i) => i.role === 'note')) {
        const px = textCssPx(note, percent);
        assert.ok(px >= 15.95, `step ${step}: "${note.label}" reads at ${px.toFixed(1)} CSS px (text ${percent} %)`);
        assert.ok(note.x >= 0 && note.y >= 0 && note.x + note.w <= 1280 && note.y + note.h <= 720, `step ${step}: "${note.label}" whole in the window`);
      }
      await press(page, 'Escape');
      await waitFor(page, labelled('Present', 'button'), 'the page back');
    }
  });
});
