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

test('a strength typed in step 2 is offered on the step 5 map, and the aligned idea as a step 6 area, each once', async () => {
  await withApp({ height: 900 }, async (page) => {
    await start(page);
    await toStep(page, 2);
    await write(page, 'Another strength', 'Book clubs for reluctant readers');
    await scrollClick(page, labelled('Add strength', 'button'), 'Add strength');

    await toStep(page, 5);
    await write(page, 'A school or district priority', 'Reading growth for every student');
    await scrollClick(page, labelled('Add priority', 'button'), 'Add priority');
    await scrollClick(page, labelled('+ Book clubs for reluctant readers', 'button'), 'the strength offered from step 2');
    await scrollTo(page, labelled('Library strength: Book clubs for reluctant readers', 'text'), 'the strength on the margins');
    await scrollTo(page, labelled('Add library strength', 'button'), 'the strengths part');
    assert.ok(!(await items(page)).some((i) => i.label === '+ Book clubs for reluctant readers'), 'no longer offered once on the map');
    await scrollClick(page, (all) => all.find((i) => i.role === 'radio' && i.label === 'Reading growth for every student' &&
      i.group === 'Book clubs for reluctant readers'), 'placing it beside the priority');

    await toStep(page, 6);
    await scrollClick(page, labelled('+ Reading growth for every student', 'button'), 'the aligned idea offered from step 5');
    await scrollTo(page, (all) => all.find((i) => i.label === 'Area 1' && i.value === 'Reading growth for every student'), 'the area added');
    await scrollTo(page, (all) => all.find((i) => i.label === 'What it would involve' &&
      i.value === 'Building on the library’s strengths: Book clubs for reluctant readers.'), 'what it would involve');
    await scrollTo(page, labelled('Add a possible area', 'button'), 'the areas part');
    assert.ok(!(await items(page)).some((i) => i.label === '+ Reading growth for every student'), 'no longer offered once added');
    await waitSaved(page);
  });
});
