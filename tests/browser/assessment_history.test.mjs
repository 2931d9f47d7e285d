// Growth over time and goals: two assessments compared area by area, renamed, deleted and brought
// back with Undo; a stretch turned into a goal with dated steps that shows on Home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, items, waitFor, waitSaved, click, clickItem, scrollTo, goTo, typeInto, fieldValue, quickAssessment,
  storedDocuments, waitForStored, tabTo, focused, press, byLabel } from './harness.mjs';

const overviewButton = (label, nth = 0) => (all) => all.filter((i) => i.label === label)[nth];

// Waits for the item `test` finds to show at the top of the page, just under the top bar: where a
// newly opened view starts.
async function atTop(page, test, what) {
  return waitFor(page, (all) => {
    const item = test(all);
    const bar = Math.max(...all.filter((i) => i.label === 'Undo' || (i.role === 'heading' && i.label === 'Self-assessment')).map((i) => i.y + i.h));
    return item && !item.clipped && item.y >= bar && item.y - bar < 3 * item.h && item;
  }, `${what} at the top of the page`);
}
const goals = (docs) => Object.entries(docs).filter(([key]) => key.startsWith('goal:')).map(([, doc]) => doc);

test('two assessments are compared area by area, and one can be renamed, deleted and brought back', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await quickAssessment(page, 'Emerging');
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Back to the overview'), 'Back'));
    await quickAssessment(page, 'Leading');
    const earlier = await scrollTo(page, (all) => all.find((i) => i.role === 'radio' && i.group === 'Compare with' && i.label !== 'No comparison'), 'the earlier assessment');
    await clickItem(page, earlier);
    // The comparison starts at the top of the results, where the wheel shows the earlier scores.
    await atTop(page, (all) => all.find((i) => i.role === 'heading' && /^Self-assessment of/.test(i.label)), 'the compared results');
    await waitFor(page, (all) => all.find((i) => /^The dark arcs on the wheel show Self-assessment of/.test(i.label)), 'the earlier scores on the wheel');
    await scrollTo(page, (all) => all.find((i) => /^Fosters a culture of reading and literacy: 33 % → 100 % \(up 67\)$/.test(i.label)),
      'the change for the first area');

    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Back to the overview'), 'Back'));
    await clickItem(page, await scrollTo(page, overviewButton('Rename'), 'Rename'));
    await typeInto(page, 'New name', ' (spring)');
    await page.keyboard.press('Escape');
    await waitFor(page, (all) => all.find((i) => i.label === 'New name' && /^Self-assessment of \d{4}-\d{2}-\d{2} \(spring\)$/.test(i.value) && !i.editing),
      'the full new name in the closed field');
    await clickItem(page, await scrollTo(page, overviewButton('Done renaming'), 'Done renaming'));
    await waitFor(page, (all) => all.find((i) => /\(spring\) · Future Ready/.test(i.label)), 'the new name in the list');

    const count = async () => (await items(page)).filter((i) => i.label === 'View results').length;
    assert.equal(await count(), 2);
    await clickItem(page, await scrollTo(page, overviewButton('Delete'), 'Delete'));
    await waitFor(page, (all) => all.filter((i) => i.label === 'View results').length === 1, 'one assessment left');
    await click(page, 'Undo', 'button');
    await waitFor(page, (all) => all.filter((i) => i.label === 'View results').length === 2, 'the assessment back');
    await waitSaved(page);
  });
});

test('a stretch becomes a goal with dated steps, and the goal shows on Home', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await quickAssessment(page, 'Not yet', { grow: true });
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Make this a goal'), 'Make this a goal'));
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Goal for Fosters a culture of reading/.test(i.label)), 'the goal editor');
    await typeInto(page, 'Step 1', 'Survey students about what they like to read');
    await click(page, 'Target date for step 1', 'textbox');
    await page.locator('#wf-editor').waitFor({ state: 'visible' });
    await page.keyboard.type('Feb 1 2027');
    await page.keyboard.press('Enter');
    await waitFor(page, (all) => all.find((i) => i.label === 'Target date for step 1' && i.value === '2027-02-01'), 'the date');
    await click(page, 'In progress', 'radio');
    await click(page, 'Back to the results', 'button');
    await goTo(page, 'Home');
    // Its status first: it is drawn above the next step, and scrolling to an item only goes down.
    await scrollTo(page, (all) => all.find((i) => /· In progress$/.test(i.label)), 'its status');
    await scrollTo(page, (all) => all.find((i) => i.label === 'Next step: Survey students about what they like to read (by February 1, 2027)'), 'the goal on Home');
    await waitSaved(page);
  });
});

test('leaving in the middle and coming back resumes at the same area with the answers kept', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await goTo(page, 'Self-assessment');
    await click(page, 'Start', 'button');
    const first = await waitFor(page, (all) => all.find((i) => i.role === 'radio' && i.label === 'Leading'), 'the first statement');
    await clickItem(page, first);
    await click(page, '3', 'button');            // skip ahead to area 3
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Area 3 of 11/.test(i.label)), 'area 3');
    await waitSaved(page);
    await page.reload();
    await page.waitForFunction(() => window.wayfinderBoot && window.wayfinderBoot.ready);
    await goTo(page, 'Self-assessment');
    await waitFor(page, (all) => all.find((i) => i.role === 'progressbar' && /^1 of 44 statements answered/.test(i.label)), 'the progress kept');
    await click(page, 'Continue the self-assessment', 'button');
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Area 3 of 11/.test(i.label)), 'back at area 3');
    await click(page, '1', 'button');
    await waitFor(page, (all) => all.find((i) => i.role === 'radio' && i.label === 'Leading' && i.group === first.group && i.checked), 'the answer kept');
  });
});

test('the goal form closes with the mouse or the keyboard and leaves the goal as it was; a stretch keeps one goal', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await quickAssessment(page, 'Not yet', { grow: true });
    await clickItem(page, await scrollTo(page, byLabel('Make this a goal'), 'Make this a goal'));
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Goal for Fosters a culture of reading/.test(i.label)), 'the goal form');
    await typeInto(page, 'What you want to achieve', 'Start a lunchtime book club', { replace: true });
    await click(page, 'In progress', 'radio');
    await waitForStored(page, (docs) => goals(docs).length === 1 && goals(docs)[0].status === 'in-progress', 'the goal in progress');

    // The mouse closes the form, back where it was opened; the stretch now shows its goal.
    await click(page, 'Back to the results', 'button');
    const shown = await scrollTo(page, (all) => all.find((i) => i.label === 'Your goal: Start a lunchtime book club · In progress'), 'the stretch\'s goal');
    assert.ok(shown);
    const stretch = (await items(page)).filter((i) => i.label === 'Make this a goal' || i.label === 'Open its goal');
    assert.ok(stretch.some((i) => i.label === 'Open its goal'), 'the stretch opens its goal');

    // Opening it again brings back the same goal, not a blank second one.
    await clickItem(page, await scrollTo(page, byLabel('Open its goal'), 'Open its goal'));
    await waitFor(page, (all) => all.find((i) => i.label === 'What you want to achieve' && i.value === 'Start a lunchtime book club'), 'the same goal');

    // The keyboard closes it too, and changes nothing: Enter on the close button is not the status "Done".
    await page.mouse.move(5, 990);
    await page.focus('#wayfinder-canvas');
    await tabTo(page, focused('Back to the results'), 'the close button');
    await press(page, 'Enter');
    await waitFor(page, (all) => all.some((i) => i.role === 'wedge'), 'the results again');
    await waitSaved(page);
    const stored = goals(await storedDocuments(page));
    assert.equal(stored.length, 1, 'one goal for the stretch');
    assert.equal(stored[0].status, 'in-progress', 'closing the form left the status as it was');
  });
});

test('results, the goal form and the overview each open at their top, however far down the last view was', async () => {
  await withApp({ height: 620 }, async (page) => {
    await quickAssessment(page, 'Emerging');   // "Finish" is pressed at the foot of the area's page
    await atTop(page, (all) => all.find((i) => i.role === 'heading' && /^Self-assessment of/.test(i.label)), 'the results');

    // A long goal form, opened from a stretch far down the results.
    await clickItem(page, await scrollTo(page, byLabel('Make this a goal'), 'Make this a goal'));
    const goalHeading = (all) => all.find((i) => i.role === 'heading' && /^Goal for /.test(i.label));
    await atTop(page, goalHeading, 'the goal form');
    for (let i = 0; i < 3; i++) await clickItem(page, await scrollTo(page, byLabel('Add a step'), 'Add a step'));
    await clickItem(page, await scrollTo(page, byLabel('Back to the results'), 'Back to the results'));
    await atTop(page, (all) => all.find((i) => i.role === 'heading' && /^Self-assessment of/.test(i.label)), 'the results again');
    await clickItem(page, await scrollTo(page, byLabel('Open its goal'), 'Open its goal'));
    await atTop(page, goalHeading, 'the goal form again');
    await clickItem(page, await scrollTo(page, byLabel('Back to the results'), 'Back to the results'));

    await clickItem(page, await scrollTo(page, byLabel('Back to the overview'), 'Back to the overview'));
    await atTop(page, (all) => all.find((i) => /^Rate your practice in each area/.test(i.label)), 'the overview');
  });
});
