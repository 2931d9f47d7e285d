// The self-assessment as a librarian meets it: taken with the keyboard alone, results on a wheel
// that survive a reload, a snapshot that carries the results to another browser, a remixed pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withApp, serve, launch, openApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo,
  download, importFile, typeInto, decodePng, removeProfile, tempDir, ROOT, tabTo, focused, byLabel, chooseFile } from './harness.mjs';

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
    await chooseFile(page, 'Load a framework pack…', join(ROOT, 'tests/fixtures/framework-remix.json'));
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
    await chooseFile(page, 'Load a framework pack…', broken);
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

// Takes a short assessment with the mouse, scrolling as a person does (large text pushes the controls
// below the fold): the first area's statements all answered `choice`, then finished.
async function shortAssessment(page, choice) {
  await goTo(page, 'Self-assessment');
  await clickItem(page, await scrollTo(page, byLabel('Start', 'button'), 'Start'));
  await waitFor(page, (all) => all.find((i) => i.role === 'progressbar' && /^0 of \d+ statements answered/.test(i.label)), 'the first area');
  const seen = new Set();
  for (let scrolls = 0; seen.size < 4; scrolls++) {
    assert.ok(scrolls < 40, 'four statements to answer');
    const radio = (await items(page)).find((i) => i.role === 'radio' && i.label === choice && !seen.has(i.group) && !i.clipped);
    if (radio) { seen.add(radio.group); await clickItem(page, radio); continue; }
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  }
  await clickItem(page, await scrollTo(page, byLabel('Finish and see results'), 'Finish'));
  await waitFor(page, (all) => all.some((i) => i.label === 'Fit the wheel to the window'), 'the results');
}

// The middle of a wedge's coloured body, from the wheel's circle and the wedge's angles.
function wedgeBody(all, label) {
  const wheel = all.find((i) => i.role === 'wheel');
  const wedge = all.find((i) => i.role === 'wedge' && i.label === label);
  const middle = (wedge.start + wedge.end) / 2, r = wheel.w / 2 * 0.6;
  return { x: wheel.x + wheel.w / 2 + r * Math.sin(middle), y: wheel.y + wheel.h / 2 - r * Math.cos(middle) };
}

test('an area with nothing rated is drawn and named "not rated", apart from a low score; pointing, Tab or a tap shows an area\'s score and level', async () => {
  await withApp({ height: 1000, touch: true }, async (page) => {
    await goTo(page, 'Self-assessment');
    await click(page, 'Start', 'button');
    // What each level means is on the page, not only in a tooltip (a touch screen has no hover).
    await waitFor(page, (all) => all.find((i) => i.role === 'text' &&
      i.label === 'Not yet: This is not part of my practice yet, or I have only started thinking about it.'), 'the levels explained');

    // The first area rated at the lowest level, a low score; the ten others left unrated.
    for (const radio of (await items(page)).filter((i) => i.role === 'radio' && i.label === 'Not yet')) await clickItem(page, radio);
    await clickItem(page, await scrollTo(page, byLabel('Finish and see results'), 'Finish'));
    let all = await waitFor(page, (now) => now.filter((i) => i.role === 'wedge').length === 11 && now, 'the whole wheel');
    const wedges = all.filter((i) => i.role === 'wedge');
    const low = wedges.find((w) => w.label === 'Culture of reading');
    assert.ok(low && low.rated && low.level === 'Not yet' && low.score > 0, 'the lowest score is drawn filled, with its level');
    const unrated = wedges.filter((w) => w !== low);
    assert.ok(unrated.every((w) => w.label.endsWith(' · not rated') && !w.rated && w.level === null && w.score === null),
      `the ten others are named not rated: ${unrated.map((w) => w.label).join(', ')}`);
    assert.ok(all.find((i) => i.label === 'Overall: 0 % across 1 of 11 areas (10 not rated)'), 'the overall figure says what it covers');

    // Pointing at a wedge shows its score and level; an unrated one says so.
    let point = wedgeBody(all, 'Culture of reading');
    await page.mouse.move(point.x, point.y);
    await waitFor(page, (now) => now.find((i) => i.role === 'callout' && i.label === 'Fosters a culture of reading and literacy: 1.0 of 4 · Not yet'), 'the score pointed at');
    point = wedgeBody(all, 'Curates resources · not rated');
    await page.mouse.move(point.x, point.y);
    await waitFor(page, (now) => now.find((i) => i.role === 'callout' && i.label === 'Curates digital resources and tools: not rated (no statement answered yet)'), 'not rated, pointed at');
    await page.mouse.move(5, 990);
    await waitFor(page, (now) => !now.some((i) => i.role === 'callout'), 'no callout with the pointer away');

    // Tab reaches each wedge, and the one focused shows its score.
    await page.focus('#wayfinder-canvas');
    await tabTo(page, focused('Instructional partners · not rated'), 'a wedge');
    await waitFor(page, (now) => now.find((i) => i.role === 'callout' && i.label === 'Builds instructional partnerships: not rated (no statement answered yet)'), 'the focused area');

    // A tap shows an area, and it stays shown after the finger lifts, until another tap.
    all = await items(page);
    point = wedgeBody(all, 'Student privacy · not rated');
    await page.touchscreen.tap(point.x, point.y);
    await waitFor(page, (now) => now.find((i) => i.role === 'callout' && /^Advocates for student privacy: not rated/.test(i.label)), 'the area tapped');
    point = wedgeBody(all, 'Culture of reading');
    await page.touchscreen.tap(point.x, point.y);
    await waitFor(page, (now) => now.find((i) => i.role === 'callout' && /^Fosters a culture of reading and literacy: 1\.0 of 4/.test(i.label)), 'the next area tapped');

    // The printable summary draws and names them the same way.
    await scrollTo(page, byLabel('Printable summary', 'button'), 'the share buttons');
    const summary = (await download(page, 'Printable summary')).bytes.toString('utf8');
    assert.match(summary, /Overall: 0 % across 1 of 11 areas \(10 not rated\)/);
    assert.equal(summary.split('>not rated</tspan>').length - 1, 10, 'ten wedges labelled not rated');
    assert.match(summary, /<h2>Not rated<\/h2>/);
  });
});

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
// The rectangle's point nearest the wheel's centre lies outside the wheel's circle.
function clearOfWheel(rect, wheel) {
  const cx = wheel.x + wheel.w / 2, cy = wheel.y + wheel.h / 2;
  const x = Math.min(Math.max(cx, rect.x), rect.x + rect.w), y = Math.min(Math.max(cy, rect.y), rect.y + rect.h);
  return Math.hypot(x - cx, y - cy) >= wheel.w / 2 - 0.5;
}

// Every wedge's label and the wheel, read while scrolling down (a wheel taller than the window is
// seen in parts), placed by the scroll: items seen in two reads give the distance scrolled between them.
async function wholeWheel(page) {
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -20000);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  const found = new Map();
  for (let i = 0; i < 30; i++) {
    const now = (await items(page)).filter((x) => x.role === 'wedge' || x.role === 'wheel' || x.label === 'Fit the wheel to the window');
    const known = now.find((x) => found.has(x.role + x.label));
    const shift = known ? found.get(known.role + known.label).y - known.y : 0;
    assert.ok(known || found.size === 0, 'each read shares an item with the last');
    for (const x of now) if (!x.clipped && !found.has(x.role + x.label)) found.set(x.role + x.label, { ...x, y: x.y + shift });
    if (found.size === 13) break;
    await page.mouse.wheel(0, 120);
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  }
  const all = [...found.values()];
  return { wheel: all.find((x) => x.role === 'wheel'), labels: all.filter((x) => x.role === 'wedge') };
}

function assertLabelsApart({ wheel, labels }, width, what) {
  assert.equal(labels.length, 11, `${what}: every label`);
  assert.ok(wheel, `${what}: the wheel`);
  for (const [i, a] of labels.entries()) {
    assert.ok(a.x >= 0 && a.x + a.w <= width, `${what}: "${a.label}" inside the window, x ${a.x}..${a.x + a.w}`);
    assert.ok(clearOfWheel(a, wheel), `${what}: "${a.label}" clear of the wheel`);
    for (const b of labels.slice(i + 1)) assert.ok(!overlaps(a, b), `${what}: "${a.label}" and "${b.label}" apart`);
  }
}

// With the wheel fitted, it and all its labels are on screen at once, in the page below the top bar.
async function assertFitted(page, width, height, what) {
  const all = await waitFor(page, (now) => now.filter((i) => i.role === 'wedge').length === 11 && now, `${what}: the fitted wheel`);
  const top = Math.max(...all.filter((i) => i.label === 'Undo' || (i.role === 'heading' && i.label === 'Self-assessment')).map((i) => i.y + i.h));
  const shown = all.filter((i) => i.role === 'wedge' || i.role === 'wheel');
  for (const item of shown) assert.ok(!item.clipped && item.y >= top && item.y + item.h <= height, `${what}: "${item.label}" in view`);
  assertLabelsApart({ wheel: all.find((i) => i.role === 'wheel'), labels: shown.filter((i) => i.role === 'wedge') }, width, what);
}

test('the wheel\'s labels never overlap or leave the window, at 250 % on 1280x720 and 100 % on 1366x768, and fitting shows it whole', async () => {
  await withApp({ width: 1280, height: 720 }, async (page) => {
    await goTo(page, 'Data & settings');
    await waitFor(page, (all) => all.some((i) => /^Text and controls size/.test(i.label)), 'the settings');
    await clickItem(page, await scrollTo(page, byLabel('250 %', 'radio'), 'the 250 % size'));
    await shortAssessment(page, 'Emerging');
    assertLabelsApart(await wholeWheel(page), 1280, '250 %');

    await page.mouse.wheel(0, 400);   // from further down the page, ask for the wheel to fit
    await clickItem(page, await scrollTo(page, byLabel('Fit the wheel to the window'), 'the fit control', { step: -300 }));
    await assertFitted(page, 1280, 720, '250 % fitted');

    // A wider, taller screen at ordinary size: still fitted when the results are opened again.
    await page.setViewportSize({ width: 1366, height: 768 });
    await goTo(page, 'Data & settings');
    await clickItem(page, await scrollTo(page, byLabel('100 %', 'radio'), 'the 100 % size'));
    await goTo(page, 'Self-assessment');
    await assertFitted(page, 1366, 768, '100 % fitted');
    await clickItem(page, await scrollTo(page, byLabel('Fit the wheel to the window'), 'the fit control'));
    await waitFor(page, (all) => all.find((i) => i.label === 'Fit the wheel to the window' && i.checked === false), 'the wheel at full size');
    assertLabelsApart(await wholeWheel(page), 1366, '100 %');
  });
});
