// Let's Talk: a librarian starts a journey, ticks the process checklist and answers reflection
// prompts across steps, and finds everything kept, resuming where they left off, after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo, typeInto, openApp, tabTo, focused } from './harness.mjs';

const stepHeading = (n) => (all) => all.find((i) => i.role === 'heading' && new RegExp(`^Step ${n}: `).test(i.label));

test('a journey keeps its checklist ticks and reflections across steps and a reload, and resumes where it was left', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await goTo(page, "Let's Talk");
    await click(page, 'Start a new journey', 'button');
    await waitFor(page, stepHeading(1), 'step 1');
    await typeInto(page, 'Journey name', '2026–27 with Dr. Rivera');
    await press(page, 'Escape');

    const tick = await scrollTo(page, (all) => all.find((i) => i.role === 'checkbox'), 'the first checklist item');
    await clickItem(page, tick);
    await waitFor(page, (all) => all.find((i) => i.label === tick.label && i.checked), 'the item ticked');
    const prompt1 = await scrollTo(page, (all) => all.find((i) => i.role === 'textbox-multiline'), 'the first reflection prompt');
    await typeInto(page, prompt1.label, 'I hold back from leading when I worry about stepping on toes.');
    await press(page, 'Escape');

    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Next step'), 'Next step'));
    await waitFor(page, stepHeading(2), 'step 2');
    await page.mouse.wheel(0, -20000);
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.role === 'button' && /^3 /.test(i.label)), 'the step 3 chip'));
    await waitFor(page, stepHeading(3), 'step 3');
    const prompt3 = await scrollTo(page, (all) => all.find((i) => i.role === 'textbox-multiline'), 'a step 3 prompt');
    await typeInto(page, prompt3.label, 'Our district plan names family literacy; the school plan names reading growth.');
    await press(page, 'Escape');
    await waitSaved(page);

    await page.reload();
    await openApp(page, page.url());
    // Home offers the way straight back in.
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.role === 'button' &&
      i.label === 'Continue "2026–27 with Dr. Rivera" at step 3: Research'), 'the continue button on Home'));
    await waitFor(page, stepHeading(3), 'resumed at step 3');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && /^Started \d{4}-\d{2}-\d{2}$/.test(i.label)), 'the journey dated');
    await scrollTo(page, (all) => all.find((i) => i.label === prompt3.label && /family literacy/.test(i.value)), 'the step 3 answer');
    await page.mouse.wheel(0, -20000);
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.role === 'button' && /^1 /.test(i.label)), 'the step 1 chip'));
    await waitFor(page, stepHeading(1), 'step 1 again');
    await scrollTo(page, (all) => all.find((i) => i.label === tick.label && i.checked), 'the tick kept');
    await scrollTo(page, (all) => all.find((i) => i.label === prompt1.label && /stepping on toes/.test(i.value)), 'the step 1 answer');
    const words = await scrollTo(page, (all) => all.find((i) => i.role === 'status' && i.label === '12 words'), 'the word count');
    assert.ok(words);
  });
});

test('after Escape closes a field, the mouse wheel scrolls the page at once, without moving the mouse first', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await goTo(page, "Let's Talk");
    await click(page, 'Start a new journey', 'button');
    await waitFor(page, stepHeading(1), 'step 1');
    // High enough on screen that the wheel's 200 pixels keep it in view.
    const field = await scrollTo(page, (all) => all.find((i) => i.role === 'textbox-multiline' && i.y < 600), 'a reflection prompt');
    await typeInto(page, field.label, 'Hello there.');
    await press(page, 'Escape');
    const before = (await items(page)).find((i) => i.label === field.label).y;
    await page.mouse.wheel(0, -200);     // the pointer is where it was when the field was clicked
    await waitFor(page, (all) => all.find((i) => i.label === field.label && i.y > before + 150), 'the page to scroll up by the wheel');
  });
});

test('a step can be worked through with the keyboard alone: start, tick, place a phrase, answer', async () => {
  await withApp({ height: 1000 }, async (page) => {
    await goTo(page, "Let's Talk");
    await page.focus('#wayfinder-canvas');
    await tabTo(page, focused('Start a new journey'), 'Start a new journey');
    await press(page, 'Enter');
    await waitFor(page, stepHeading(1), 'step 1');

    const tick = (await waitFor(page, (all) => all.find((i) => i.role === 'checkbox'), 'a checklist item')).label;
    await tabTo(page, focused(tick), 'the first checklist item');
    await press(page, 'Space');
    await waitFor(page, (all) => all.find((i) => i.label === tick && i.checked), 'the item ticked');

    await tabTo(page, (all) => all.find((i) => i.role === 'button' && i.label.startsWith('+ ') && i.focused), 'a phrase to place');
    const phrase = (await items(page)).find((i) => i.focused).label.slice(2);
    await press(page, 'Enter');
    await tabTo(page, focused('Leaning fixed', (i) => i.group === phrase), `"Leaning fixed" for the phrase`);
    await press(page, 'Space');
    await waitFor(page, (all) => all.find((i) => i.label === 'Leaning fixed' && i.group === phrase && i.checked), 'the phrase placed');

    // Tab into a reflection: its editor opens, and typing goes in.
    await tabTo(page, (all) => all.find((i) => i.role === 'textbox-multiline' && i.editing), 'a reflection prompt');
    await page.keyboard.type('Quiet in big meetings.');
    await press(page, 'Escape');
    await waitFor(page, (all) => all.find((i) => i.role === 'textbox-multiline' && i.value === 'Quiet in big meetings.' && !i.editing),
      'the answer kept in its field');
    await waitSaved(page);
  });
});
