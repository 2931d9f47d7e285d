// Let's Talk, step by step, as a librarian found it (issue 9): the work done on a step's map counts
// as progress; what was typed in one step is offered in the next; the step 4 email has a subject and
// can be reworded, the wording kept; the Reflection Guide can be saved from any step; and the
// journey list and a journey opened from it start at their top.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo, typeInto, openApp, download, stepHeading, toTop, scrollClick, startJourney, toStep as toStepAt } from './harness.mjs';

const heading = stepHeading;
const labelled = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role));
const progress = (all) => all.find((i) => i.role === 'progressbar');

const top = (page) => toTop(page, 400);
const start = startJourney;
const toStep = (page, n) => toStepAt(page, n, 400);
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

test('the email has a subject line, can be reworded, keeps the wording after a reload, and copying it says so', async () => {
  await withApp({
    height: 900,
    beforeOpen: (page, site) => page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url }),
  }, async (page) => {
    await start(page);
    await toStep(page, 4);
    await write(page, "Your building leader's name", 'Dr. Rivera');
    await write(page, 'School', 'Lincoln Middle School');
    await scrollTo(page, (all) => all.find((i) => i.label === 'Subject' && i.value === 'Could we meet about the library at Lincoln Middle School?'),
      'the subject line');
    await scrollTo(page, (all) => all.find((i) => i.label === 'The email' && /^Dear Dr\. Rivera,\n/.test(i.value)), 'the email to reword');

    await write(page, 'Subject', 'Twenty minutes on Tuesday?', { replace: true });
    await write(page, 'The email', 'Dear Dr. Rivera, could we talk about reading on Tuesday?', { replace: true });
    await waitSaved(page);
    await page.reload();
    await openApp(page, page.url());
    await goTo(page, "Let's Talk");
    await click(page, 'Open journey', 'button');
    await waitFor(page, heading(4), 'step 4 after the reload');
    await scrollTo(page, (all) => all.find((i) => i.label === 'Subject' && i.value === 'Twenty minutes on Tuesday?'), 'the subject kept');
    await scrollTo(page, (all) => all.find((i) => i.label === 'The email' && i.value === 'Dear Dr. Rivera, could we talk about reading on Tuesday?'),
      'the wording kept');
    // The librarian's wording is theirs: a name changed above does not rewrite it.
    await write(page, "Your building leader's name", 'Dr. Ortiz', { replace: true });
    await scrollTo(page, (all) => all.find((i) => i.label === 'The email' && i.value.startsWith('Dear Dr. Rivera, could we')), 'the wording unchanged');

    await scrollClick(page, labelled('Copy email', 'button'), 'Copy email');
    await waitFor(page, (all) => all.find((i) => i.role === 'alert' && /^Copied/.test(i.label)), 'a notice saying it was copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Dear Dr. Rivera, could we talk about reading on Tuesday?');
    const file = (await download(page, 'Download email')).bytes.toString('utf8');
    assert.equal(file, 'Subject: Twenty minutes on Tuesday?\n\nDear Dr. Rivera, could we talk about reading on Tuesday?');

    await scrollClick(page, labelled('Use the suggested email again', 'button'), 'Use the suggested email again');
    await scrollTo(page, (all) => all.find((i) => i.label === 'The email' && /^Dear Dr\. Ortiz,\n/.test(i.value)), 'the suggested email, with the new name');
    await scrollTo(page, (all) => all.find((i) => i.label === 'Subject' && i.value === 'Could we meet about the library at Lincoln Middle School?'),
      'the suggested subject');
    await waitSaved(page);
  });
});

test('the Reflection Guide can be saved from any step, with the email, and without empty parts', async () => {
  await withApp({ height: 900 }, async (page) => {
    await start(page);
    const prompt = await scrollTo(page, (all) => all.find((i) => i.role === 'textbox-multiline'), 'the first reflection prompt');
    await write(page, prompt.label, 'I hold back when I worry about stepping on toes.');
    await scrollTo(page, labelled('Markdown', 'button'), 'the guide buttons on step 1');
    const first = (await download(page, 'Reflection Guide (HTML)')).bytes.toString('utf8');
    assert.ok(first.includes('stepping on toes'));
    assert.equal(first.split('Nothing written for this step yet.').length - 1, 6, 'said once for each of the six empty steps');
    assert.ok(!first.includes('Not answered'), 'no line per unanswered prompt');
    assert.ok(!first.includes('<h3>Checklist</h3>'), 'no checklist with nothing ticked');

    await toStep(page, 4);
    await write(page, "Your building leader's name", 'Dr. Rivera');
    await scrollTo(page, labelled('Markdown', 'button'), 'the guide buttons on step 4');
    const guide = (await download(page, 'Markdown')).bytes.toString('utf8');
    assert.match(guide, /### Email to the building leader\n\nSubject: Could we meet about the library at /);
    assert.ok(guide.includes('Dear Dr. Rivera,'), 'the email as it would be sent');
  });
});

test('the journey list and a journey opened from it start at their top, however far down the last page was', async () => {
  await withApp({ height: 560 }, async (page) => {
    for (let n = 0; n < 5; n++) {
      await start(page);
      await scrollClick(page, labelled('Back to your journeys', 'button'), 'Back to your journeys, at the bottom of the step');
      await waitFor(page, atTop('Start a new journey', labelled('Start a new journey', 'button')), 'the list at its top');
    }
    // The oldest journey, at the bottom of the list.
    const opens = (all) => all.filter((i) => i.label === 'Open journey');
    await scrollTo(page, (all) => opens(all).length && !opens(all).at(-1).clipped &&
      all.some((i) => i.role === 'checkbox' && i.label.startsWith('Include my private continuum')), 'the end of the list');
    await clickItem(page, opens(await items(page)).at(-1));
    await waitFor(page, stepAtTop(1), 'step 1 at the top');

    await scrollClick(page, labelled('Back to your journeys', 'button'), 'Back to your journeys, at the bottom of the step');
    await waitFor(page, atTop('Start a new journey', labelled('Start a new journey', 'button')), 'the list at its top again');

    await scrollTo(page, (all) => opens(all).length && !opens(all).at(-1).clipped &&
      all.some((i) => i.role === 'checkbox' && i.label.startsWith('Include my private continuum')), 'the end of the list again');
    await clickItem(page, opens(await items(page)).at(-1));
    await waitFor(page, stepAtTop(1), 'the same journey opened again at its top');

    await scrollClick(page, labelled('Next step', 'button'), 'Next step, at the bottom of the step');
    await waitFor(page, stepAtTop(2), 'step 2 at the top');
  });
});
