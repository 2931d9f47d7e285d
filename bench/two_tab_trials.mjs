// Two-tab trials: one browser, two tabs of Wayfinder on the same profile, each adding text to a profile
// field chosen at random, the second tab starting after a random delay (so the two edits race at every
// distance: before, during and after the other tab's autosave). After both show "Saved", every text
// typed must be in storage: in its field, or kept beside it as the other version of a field both tabs
// changed. Conflicts are then settled with "Keep both", as a librarian would, before the next trial.
// Used by bench/benchmark.mjs; run alone with `node bench/two_tab_trials.mjs [trials]`.
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, waitFor, waitSaved, storedDocuments, items, click, press, removeProfile } from '../tests/browser/harness.mjs';

const FIELDS = { 'Your name': 'name', 'Your role': 'role', School: 'school', District: 'district', 'What you want to focus on': 'focus' };
const LABELS = Object.keys(FIELDS);

// Every string anywhere in the stored profile: its fields and both sides of each kept conflict.
function storedTexts(profile) {
  const texts = [];
  const walk = (v) => {
    if (typeof v === 'string') texts.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(profile);
  return texts;
}

// Adds to the end of a field's text by typing, as a person does. The other tab's version may arrive
// while the editor is open (when this tab had nothing unsaved), so wait for the typed text to appear
// rather than for the field to end with it. Adding never removes anything, so whatever either tab
// typed must be stored afterwards: a missing text is a lost edit.
async function append(page, label, text) {
  await click(page, label);
  await page.locator('#wf-editor').waitFor({ state: 'visible' });
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' ' + text);
  await waitFor(page, (all) => all.find((i) => i.label === label && (i.value || '').includes(text)), `"${label}" to hold the typed text`);
  await press(page, 'Escape');
}

// Empties the two fields in one tab and waits until the other tab shows them empty too.
async function clear(a, b, labels) {
  for (const label of new Set(labels)) {
    await click(a, label);
    await a.locator('#wf-editor').waitFor({ state: 'visible' });
    await a.keyboard.press('Control+A');
    await a.keyboard.press('Backspace');
    await press(a, 'Escape');
  }
  await waitSaved(a);
  await waitFor(b, (all) => labels.every((l) => all.find((i) => i.label === l && i.value === '')), 'the other tab to show the fields emptied');
}

export async function twoTabTrials(site, { trials = 50, seed = 7, log = () => {} } = {}) {
  let random = seed;
  const next = () => ((random = (random * 1103515245 + 12345) % 2147483648) / 2147483648);
  const browser = await launch();
  const a = browser.page;
  const b = await browser.context.newPage();
  const result = { trials: 0, edits: 0, lost: 0, conflicts: 0, sameField: 0, problems: [] };
  try {
    await openApp(a, site.url);
    await openApp(b, site.url);
    for (let t = 1; t <= trials; t++) {
      const labelA = LABELS[Math.floor(next() * LABELS.length)];
      const labelB = LABELS[Math.floor(next() * LABELS.length)];
      const delay = Math.floor(next() * 1800);
      const textA = `t${t} tab A`, textB = `t${t} tab B`;
      await clear(a, b, [labelA, labelB]);
      await Promise.all([
        append(a, labelA, textA),
        b.waitForTimeout(delay).then(() => append(b, labelB, textB)),
      ]);
      await waitSaved(a);
      await waitSaved(b);
      const profile = (await storedDocuments(a)).profile || {};
      const texts = storedTexts(profile);
      result.trials++;
      result.edits += 2;
      result.sameField += labelA === labelB ? 1 : 0;
      for (const text of [textA, textB]) {
        if (!texts.some((s) => s.includes(text))) {
          result.lost++;
          result.problems.push(`trial ${t}: "${text}" (${labelA} / ${labelB}, delay ${delay} ms) is not stored`);
        }
      }
      result.conflicts += (profile._conflicts || []).length;
      // Settle what both tabs changed, as the librarian would, in the tab that shows it.
      for (const page of [a, b]) {
        for (let guard = 0; guard < 10; guard++) {
          if (!(await items(page)).some((i) => i.label === 'Keep both')) break;
          await click(page, 'Keep both', 'button');
          await waitSaved(page);
        }
      }
      log(`trial ${t}: ${labelA} / ${labelB} after ${delay} ms, ${result.lost} lost so far`);
    }
  } finally {
    await browser.close();
    removeProfile(browser.profile);
  }
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const site = await serve();
  const started = Date.now();
  const r = await twoTabTrials(site, { trials: Number(process.argv[2] || 20), log: console.log });
  await site.close();
  console.log(`two-tab trials: ${r.trials}, edits: ${r.edits} (${r.sameField} trials on the same field), ` +
              `conflicts kept and settled: ${r.conflicts}, lost: ${r.lost} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  r.problems.forEach((p) => console.log('  ' + p));
}
