// Let's Talk, step by step, as a librarian found it (issue 9): the work done on a step's map counts
// as progress; what was typed in one step is offered in the next; the step 4 email has a subject and
// can be reworded, the wording kept; the Reflection Guide can be saved from any step; and the
// journey list and a journey opened from it start at their top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo, typeInto, openApp, download } from './harness.mjs';

const heading = (n) => (all) => all.find((i) => i.role === 'heading' && new RegExp(`^Step ${n}: `).test(i.label));
const labelled = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role));
const progress = (all) => all.find((i) => i.role === 'progressbar');

async function scrollClick(page, test, what) { await clickItem(page, await scrollTo(page, test, what)); }
async function top(page) {
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, -40000);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}
async function start(page) {
  await goTo(page, "Let's Talk");
  await click(page, 'Start a new journey', 'button');
  await waitFor(page, heading(1), 'step 1');
}
async function toStep(page, n) {
  await top(page);
  await scrollClick(page, (all) => all.find((i) => i.role === 'button' && i.label.startsWith(`${n} `)), `the step ${n} chip`);
  await waitFor(page, heading(n), `step ${n}`);
}
async function write(page, label, text, options) {
  await scrollTo(page, labelled(label), `the field "${label}"`);
  await typeInto(page, label, text, options);
  await press(page, 'Escape');
}
// A view at its top: its first item and its heading on screen, whole.
const atTop = (first, test) => (all) => {
  const found = test(all);
  const top = all.find((i) => i.label === first);
  return found && !found.clipped && top && !top.clipped ? found : null;
};
const stepAtTop = (n) => atTop('Journey name', heading(n));

test('a librarian who only fills in the collaboration map sees step 5 counted as done', async () => {
  await withApp({ height: 900 }, async (page) => {
    await start(page);
    assert.match(progress(await items(page)).label, /^0 of 7 steps done · 0 of \d+ items$/);
    await toStep(page, 5);
    await write(page, 'A school or district priority', 'Reading growth for every student');
    await scrollClick(page, labelled('Add priority', 'button'), 'Add priority');
    await write(page, 'Another library strength', 'Book clubs');
    await scrollClick(page, labelled('Add library strength', 'button'), 'Add library strength');
    await scrollClick(page, (all) => all.find((i) => i.role === 'radio' && i.label === 'Reading growth for every student' && i.group === 'Book clubs'),
      'placing the strength beside the priority');
    await top(page);
    // Nothing ticked, nothing answered: the map alone is the step's work.
    const bar = await waitFor(page, (all) => progress(all) && /^1 of 7 steps done · 2 of \d+ items$/.test(progress(all).label) && progress(all),
      'the progress counting the map');
    assert.ok(bar.value > 0, 'the bar moved');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && i.label.endsWith("This step's work is done.")),
      'the step saying its work is done');
    await scrollClick(page, labelled('Back to your journeys', 'button'), 'Back to your journeys');
    await waitFor(page, (all) => all.find((i) => / · 1 of 7 steps done$/.test(i.label)), 'the journey listed with a step done');
  });
});
