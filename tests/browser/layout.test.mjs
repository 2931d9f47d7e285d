// Layout at the sizes librarians meet: a 1280x720 screen shared in a meeting with Wayfinder's text at
// 250 %, and a 1366x768 Chromebook at 100 % and, for a reader who needs large text, at 250 %. Every
// page and the views opened from it are scrolled top to bottom; at each stop no text or interactive
// item may be cut by its window's edge, and no interactive item may overlap another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { withApp, items, clickItem, scrollTo, goTo, rateOpenAreaAndFinish, ROOT } from './harness.mjs';

// Items a person clicks, taps or types into; wedges are drawn shapes, hit-tested by angle, so their
// bounding boxes overlap by nature.
const interactive = (i) => i.id && i.role !== 'wedge';

function faults(all, width, where) {
  const found = [];
  const shown = all.filter(interactive);
  for (const i of all) {
    if (i.cut || (interactive(i) && (i.x < -0.5 || i.x + i.w > width + 0.5))) found.push(`${where}: ${i.role} "${i.label}" is cut by the window's edge`);
  }
  // Partly scrolled items are checked at another scroll stop, where they show whole.
  const whole = shown.filter((i) => !i.clipped);
  for (let a = 0; a < whole.length; a++) {
    for (let b = a + 1; b < whole.length; b++) {
      const p = whole[a], q = whole[b];
      const x = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
      const y = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
      if (x > 1 && y > 1) found.push(`${where}: ${p.role} "${p.label}" overlaps ${q.role} "${q.label}"`);
    }
  }
  return found;
}

// Scrolls the current view from its top to its bottom with the mouse wheel, collecting faults.
async function scan(page, where) {
  const { width } = page.viewportSize();
  await page.mouse.move(width * 0.6, 400);
  await page.mouse.wheel(0, -100000);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  const found = new Set();
  let previous = '';
  for (let stop = 0; stop < 60; stop++) {
    const all = await items(page);
    for (const f of faults(all, width, where)) found.add(f);
    const signature = JSON.stringify(all.map((i) => [i.label, Math.round(i.y)]));
    if (signature === previous) break;   // the bottom: a wheel turn changed nothing
    previous = signature;
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  }
  await page.mouse.wheel(0, -100000);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  return [...found];
}

async function setTextSize(page, percent) {
  await goTo(page, 'Data & settings');
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.role === 'radio' && i.label === `${percent} %`), `the ${percent} % size`));
  await scrollTo(page, (all) => all.find((i) => i.label === `Text and controls size: ${percent} %`), `${percent} % chosen`);
}

// Every page, a self-assessment area, its results, a goal form, and all seven Let's Talk steps.
async function scanEverything(page) {
  const found = [];
  for (const name of ['Home', 'Self-assessment', "Let's Talk", 'Micro-credential', 'Reviews', 'Data & settings']) {
    await goTo(page, name);
    found.push(...await scan(page, name));
  }
  await goTo(page, 'Self-assessment');
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Start'), 'Start'));
  await scrollTo(page, (all) => all.find((i) => i.role === 'heading' && /^Area 1 of/.test(i.label)), 'the first area');
  found.push(...await scan(page, 'an area of the self-assessment'));
  await rateOpenAreaAndFinish(page, 'Emerging');
  await page.mouse.wheel(0, -100000);
  await scrollTo(page, (all) => all.some((i) => i.role === 'wedge'), 'the wheel');
  found.push(...await scan(page, 'the results'));
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Make this a goal'), 'Make this a goal'));
  found.push(...await scan(page, 'a goal form'));
  await goTo(page, "Let's Talk");
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Start a new journey'), 'Start a new journey'));
  for (let n = 1; n <= 7; n++) {
    await scrollTo(page, (all) => all.find((i) => i.role === 'heading' && new RegExp(`^Step ${n}: `).test(i.label)), `step ${n}`);
    found.push(...await scan(page, `Let's Talk step ${n}`));
    if (n < 7) await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Next step'), 'Next step', { step: 600, limit: 60 }));
  }
  return found;
}

// Every page scanned on a screen of this size with the text at `percent`; no fault may be found.
async function assertLaysOut(width, height, percent) {
  await withApp({ width, height }, async (page) => {
    if (percent !== 100) await setTextSize(page, percent);
    // On a failure, a picture of where it stopped (test-results/ is ignored by git).
    const found = await scanEverything(page).catch(async (e) => {
      await page.screenshot({ path: join(ROOT, 'test-results', `layout-${width}x${height}-${percent}.png`) }); throw e; });
    assert.deepEqual(found, [], found.join('\n'));
  });
}

test('at 250 % on a 1280x720 screen no text or control on any page is cut off, and no control overlaps another',
  () => assertLaysOut(1280, 720, 250));

test('at 250 % on a 1366x768 Chromebook no text or control on any page is cut off, and no control overlaps another',
  () => assertLaysOut(1366, 768, 250));

test('at 100 % on a 1366x768 Chromebook no text or control on any page is cut off, and no control overlaps another',
  () => assertLaysOut(1366, 768, 100));
