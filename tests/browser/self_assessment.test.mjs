// The self-assessment as a librarian meets it: taken with the keyboard alone, results on a wheel
// that survive a reload, a snapshot that carries the results to another browser, a remixed pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, serve, launch, openApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo,
  download, importFile, typeInto, decodePng, removeProfile, tempDir, ROOT, tabTo, focused } from './harness.mjs';

const byRole = (role) => (all) => all.filter((i) => i.role === role);


// What the results page says, in reading order: the wheel's wedges at the top, then every numbered
// line (superpowers, stretches), read by scrolling down as a person would.
async function resultsText(page) {
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, -20000);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  const all = await items(page);
  const wedges = all.filter((i) => i.role === 'wedge').map((i) => `${i.label}:${i.score === null ? '-' : i.score.toFixed(3)}`);
  const lines = [];
  for (let i = 0; i < 30; i++) {
    const now = await items(page);
    for (const item of now) if (item.role === 'text' && /^\d\. /.test(item.label) && !lines.includes(item.label)) lines.push(item.label);
    if (now.some((x) => x.role === 'heading' && /^(Compare with|Area by area)/.test(x.label))) break;
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  }
  return { wedges, lines };
}

test('a librarian takes a self-assessment with the keyboard alone and finds the results unchanged after a reload', async () => {
  await withApp({ height: 900 }, async (page) => {
    await goTo(page, 'Self-assessment');
    await page.focus('#wayfinder-canvas');
    await tabTo(page, focused('Start'), 'the Start button');
    await press(page, 'Enter');
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Area 1 of 11/.test(i.label)), 'the first area');

    // Area 1: every statement "Established", marked to grow, with a note.
    const statements = [...new Set(byRole('radio')(await items(page)).map((r) => r.group))];
    assert.equal(statements.length, 4);
    for (const statement of statements) {
      await tabTo(page, focused('Established', (i) => i.group === statement), `"Established" for "${statement}"`);
      await press(page, 'Space');
    }
    await tabTo(page, focused('I want to grow here'), 'the grow checkbox');
    await press(page, 'Space');
    await press(page, 'Tab');     // into the note: its editor opens
    await waitFor(page, (all) => all.find((i) => i.label === 'An example from your practice (optional)' && i.editing), 'the note editor');
    await page.keyboard.type('Our lunchtime book club doubled this year.');
    await press(page, 'Tab');
    await tabTo(page, focused('Next area'), 'Next area');
    await press(page, 'Enter');

    // Area 2: two statements "Leading", the rest skipped; then finish.
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Area 2 of 11/.test(i.label)), 'the second area');
    const second = [...new Set(byRole('radio')(await items(page)).map((r) => r.group))].slice(0, 2);
    for (const statement of second) {
      await tabTo(page, focused('Leading', (i) => i.group === statement), `"Leading" for "${statement}"`);
      await press(page, 'Space');
    }
    await tabTo(page, focused('Finish and see results'), 'Finish');
    await press(page, 'Enter');

    await waitFor(page, (all) => all.some((i) => i.role === 'wedge'), 'the wheel');
    const before = await resultsText(page);
    assert.equal(before.wedges.length, 11, 'one wedge per area');
    assert.ok(before.wedges.some((w) => w.startsWith('Curates resources:') && !w.endsWith(':-')), 'area 2 is scored');
    assert.ok(before.wedges.filter((w) => w.endsWith(':-')).length === 9, 'unanswered areas are not scored');
    assert.ok(before.lines.some((l) => /Curates digital resources/.test(l)), 'the best-rated area is a superpower');
    assert.ok(before.lines.some((l) => /culture of reading/i.test(l) && /want to grow here/.test(l)), 'the marked area is a stretch');
    await waitSaved(page);

    await page.reload();
    await openApp(page, page.url());
    await goTo(page, 'Self-assessment');
    await click(page, 'View results', 'button');
    await waitFor(page, (all) => all.some((i) => i.role === 'wedge'), 'the wheel after reload');
    assert.deepEqual(await resultsText(page), before);
  });
});

// Answers every statement of every area with the mouse, scrolling only when nothing unanswered is in view.
async function answerEverything(page, choose) {
  for (;;) {
    const heading = await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Area \d+ of \d+/.test(i.label)), 'an area');
    const [, n, total] = heading.label.match(/^Area (\d+) of (\d+)/).map(Number);
    const seen = new Set();
    for (let scrolls = 0; ; scrolls++) {
      assert.ok(scrolls < 40, `area ${n} ends in a "Finish and see results" button`);
      const all = await items(page);
      const radio = all.find((i) => i.role === 'radio' && !seen.has(i.group) && i.label === choose(n, seen.size));
      if (radio) { seen.add(radio.group); await clickItem(page, radio); continue; }
      if (all.some((i) => i.label === 'Finish and see results')) break;   // the area's last control is in view
      await page.mouse.move(640, 500);
      await page.mouse.wheel(0, 300);
      await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
    }
    if (n === total) break;
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Next area'), 'Next area'));
  }
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Finish and see results'), 'Finish'));
  await waitFor(page, (all) => all.some((i) => i.role === 'wedge'), 'the wheel');
}

test('a remixed framework pack loads from a file, and a librarian assesses with it', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await goTo(page, 'Self-assessment');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'Load a framework pack…', 'button')]);
    await chooser.setFiles(join(ROOT, 'tests/fixtures/framework-remix.json'));
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /Loaded the framework "Northside ISD/.test(i.label)), 'the loaded notice');
    await waitSaved(page);
    await page.reload();                         // the loaded pack is kept like any other work
    await openApp(page, page.url());
    await goTo(page, 'Self-assessment');
    await click(page, 'Northside ISD Library Framework (remix) (5 areas)', 'radio');
    await click(page, 'Start', 'button');
    await answerEverything(page, (area, k) => ['Beginning', 'Developing', 'Thriving'][(area + k) % 3]);
    const result = await resultsText(page);
    assert.equal(result.wedges.length, 5);
    assert.ok(result.wedges.every((w) => !w.endsWith(':-')), 'every area scored');
    await waitSaved(page);
    // A broken pack is refused with its reason and changes nothing.
    const broken = join(tempDir(), 'broken-pack.json');
    writeFileSync(broken, JSON.stringify({ type: 'wayfinder.framework', format: 1, id: 'x', version: '1', title: 'Broken', scale: [], gears: [], areas: [] }));
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Back to the overview'), 'Back to the overview'));
    const [again] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'Load a framework pack…', 'button')]);
    await again.setFiles(broken);
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /"broken-pack\.json" was not loaded\. This framework pack cannot be used/.test(i.label)), 'the refusal');
  });
});

test('results go out as a snapshot PNG, JSON and a printable summary; the PNG brings them into a fresh browser', async () => {
  const site = await serve();
  const first = await launch({ height: 1000 }), second = await launch();
  try {
    await openApp(first.page, site.url);
    await typeInto(first.page, 'Your name', 'Ana Pérez');
    await goTo(first.page, 'Self-assessment');
    await click(first.page, 'Start', 'button');
    await answerEverything(first.page, (area, k) => ['Not yet', 'Emerging', 'Established', 'Leading'][(area + k) % 4]);
    const original = await resultsText(first.page);

    const shot = await download(first.page, 'Snapshot');
    const png = decodePng(shot.bytes);
    assert.equal(png.width, 960 * 2, 'drawn at the default 2x');
    assert.equal(JSON.parse(png.text.Wayfinder).item.type, 'wayfinder.assessment', 'the picture carries the assessment');
    await click(first.page, 'Dismiss', 'button');   // the confirmation sits over the buttons below: close it
    await scrollTo(first.page, (all) => all.find((i) => i.label === 'Printable summary'), 'the share buttons');
    const json = await download(first.page, 'Export results (JSON)');
    assert.equal(JSON.parse(json.bytes.toString('utf8')).type, 'wayfinder.item');
    const summary = (await download(first.page, 'Printable summary')).bytes.toString('utf8');
    assert.match(summary, /<svg/);
    assert.match(summary, /Ana Pérez/);
    assert.doesNotMatch(summary, /https?:/, 'the summary loads nothing from anywhere');

    const path = join(tempDir(), shot.name);
    writeFileSync(path, shot.bytes);
    await openApp(second.page, site.url);
    await importFile(second.page, path);
    await waitFor(second.page, (all) => all.find((i) => i.role === 'alert' && /^Added /.test(i.label)), 'the added notice');
    await goTo(second.page, 'Self-assessment');
    await click(second.page, 'View results', 'button');
    await waitFor(second.page, (all) => all.some((i) => i.role === 'wedge'), 'the wheel');
    assert.deepEqual(await resultsText(second.page), original, 'the same results in the fresh browser');
  } finally {
    await first.close(); await second.close(); await site.close();
    removeProfile(first.profile); removeProfile(second.profile);
  }
});
