// Dates are dates: a goal step's target date is typed in any common form or picked in the browser's
// own date input, and stored as an ISO date; text that is not a date is never stored as one, and a
// date an older version stored as text is shown and offered as a date, never dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, openApp, waitFor, find, click, clickItem, press, waitSaved, waitForStored, storedDocuments, goTo, scrollTo, byLabel } from './harness.mjs';

// Two more steps after the ones a test works on: the goal form's close button stays below the fold.
const later = [{ text: 'Order the books', target_date: '', done: false }, { text: 'Plan the reading night', target_date: '', done: false }];

// A goal as an earlier version stored it, straight into IndexedDB, then the app opened on it.
async function withGoal(steps, body, options = {}) {
  const goal = { type: 'wayfinder.goal', version: 1, id: 'g1', statement: 'Get more students reading for fun',
    area: { pack_id: 'frl-current', area_id: 'literacy', area_name: 'Fosters a culture of reading and literacy' },
    from_assessment: '', steps: [...steps, ...later], status: 'in-progress', created_at: '2026-09-01T10:00:00Z' };
  await withApp({ height: 660, ...options }, async (page, browser, site) => {
    await page.evaluate((text) => new Promise((resolve, reject) => {
      const open = indexedDB.open('wayfinder');
      open.onsuccess = () => {
        const tx = open.result.transaction('documents', 'readwrite');
        tx.objectStore('documents').put({ key: 'goal:g1', revision: 1, saved_at: Date.now(), text });
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), JSON.stringify(goal));
    await page.reload();
    await openApp(page, site.url);
    await openGoal(page);
    await body(page, site);
  });
}

async function openGoal(page) {
  await goTo(page, 'Self-assessment');
  await clickItem(page, await scrollTo(page, byLabel('Open goal', 'button'), 'the goal'));
  await waitFor(page, (all) => all.find((i) => i.role === 'heading' && i.label === 'Goal for Fosters a culture of reading and literacy'), 'the goal');
}

const storedDates = async (page) => (await storedDocuments(page))['goal:g1'].steps.map((s) => s.target_date).slice(0, -later.length);
const dateField = (label, value, shown) => (all) => all.find((i) => i.label === label && i.role === 'textbox' && !i.editing &&
  i.value === value && i.shown === shown);
const status = (pattern) => (all) => all.find((i) => i.role === 'status' && pattern.test(i.label));

// Clicks the date field (the browser's text editor opens over it), types, checks what the field says
// it reads the text as, and presses Enter.
async function typeDate(page, label, text, reads) {
  await click(page, label, 'textbox');
  await page.locator('#wf-editor').waitFor({ state: 'visible' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  if (reads) await waitFor(page, status(new RegExp('^' + reads.replace(/[.,]/g, '\\$&') + '$')), `"${reads}"`);
  await press(page, 'Enter');
}

test('a target date typed the common ways is stored as an ISO date and shown in words; text that is not a date is never stored', async () => {
  await withGoal([{ text: 'Survey students about what they like to read', target_date: '', done: false }], async (page) => {
    await typeDate(page, 'Target date for step 1', '1 Dec 2026', 'Reads as Tuesday, December 1, 2026.');
    await waitFor(page, dateField('Target date for step 1', '2026-12-01', 'December 1, 2026'), 'the date in words');
    await waitForStored(page, (docs) => docs['goal:g1'].steps[0].target_date === '2026-12-01', 'the ISO date');

    // Month first, as this browser's language (US English) writes dates.
    await typeDate(page, 'Target date for step 1', '12/1/2027', 'Reads as Wednesday, December 1, 2027.');
    await waitForStored(page, (docs) => docs['goal:g1'].steps[0].target_date === '2027-12-01', 'the second date');

    // Not a date: said plainly, and the date stays as it was.
    await typeDate(page, 'Target date for step 1', 'next tuesday');
    await waitFor(page, status(/^“next tuesday” is not a date\. Type a date such as March 15, 2027 or 2027-03-15, or pick it on the calendar\./), 'the advice');
    await waitFor(page, dateField('Target date for step 1', '2027-12-01', 'December 1, 2027'), 'the date kept');
    await typeDate(page, 'Target date for step 1', '30 Feb 2027', 'February 2027 has only 28 days.');
    await waitFor(page, status(/^February 2027 has only 28 days\. Type a date/), 'why it is no date');
    await waitSaved(page);
    assert.deepEqual(await storedDates(page), ['2027-12-01']);

    // A good date clears the advice; the goal on Home reads it in words.
    await typeDate(page, 'Target date for step 1', '2027-03-15', 'Reads as Monday, March 15, 2027.');
    await waitFor(page, (all) => all.some((i) => i.value === '2027-03-15') && !all.some((i) => /is not a date|only 28 days/.test(i.label)), 'the advice gone');
    await waitSaved(page);
    await goTo(page, 'Home');
    await scrollTo(page, (all) => all.find((i) => i.label === 'Next step: Survey students about what they like to read (by March 15, 2027)'), 'the goal on Home');
  });
});

test('in a language that writes the day first, 1/12/2027 is the first of December', async () => {
  await withGoal([{ text: 'Book fair', target_date: '', done: false }], async (page) => {
    await typeDate(page, 'Target date for step 1', '1/12/2027', 'Reads as Wednesday, December 1, 2027.');
    await waitForStored(page, (docs) => docs['goal:g1'].steps[0].target_date === '2027-12-01', 'the first of December');
  }, { locale: 'en-GB' });
});

test('the calendar button opens the browser\'s own date input, by mouse or by Tab and Enter, and the date picked is stored', async () => {
  await withGoal([{ text: 'Book fair', target_date: '', done: false }], async (page) => {
    const picker = page.locator('#wf-date-editor');
    // Keyboard: Tab from the typed field reaches the button; Enter opens the date input, whose parts are typed.
    await click(page, 'Target date for step 1', 'textbox');
    await page.locator('#wf-editor').waitFor({ state: 'visible' });
    await press(page, 'Tab');
    await waitFor(page, (all) => all.find((i) => i.label === 'Calendar: Target date for step 1' && i.focused), 'the calendar button focused');
    await press(page, 'Enter');
    await picker.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.activeElement.id), 'wf-date-editor');
    await page.keyboard.type('03152027');
    await waitFor(page, dateField('Target date for step 1', '2027-03-15', 'March 15, 2027'), 'the typed date');
    await press(page, 'Escape');
    await picker.waitFor({ state: 'hidden' });
    await waitFor(page, (all) => all.find((i) => i.label === 'Calendar: Target date for step 1' && i.focused), 'focus back on the button');
    await waitForStored(page, (docs) => docs['goal:g1'].steps[0].target_date === '2027-03-15', 'the date typed into the date input');

    // Mouse: the button opens the date input with its calendar; the next day is chosen in the calendar.
    await click(page, 'Calendar: Target date for step 1', 'button');
    await picker.waitFor({ state: 'visible' });
    assert.equal(await picker.inputValue(), '2027-03-15');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await waitFor(page, dateField('Target date for step 1', '2027-03-16', 'March 16, 2027'), 'the picked date');
    await press(page, 'Tab');
    await picker.waitFor({ state: 'hidden' });
    await waitForStored(page, (docs) => docs['goal:g1'].steps[0].target_date === '2027-03-16', 'the picked date');
  });
});

test('a date an older version stored as text is shown and offered as a date, and never dropped', async () => {
  await withGoal([{ text: 'Visit the public library', target_date: '12/1/2026', done: false },
    { text: 'Ask the principal', target_date: 'next week', done: false }], async (page, site) => {
    await waitFor(page, dateField('Target date for step 1', '12/1/2026', '12/1/2026'), 'the old text shown');
    await find(page, 'This was saved as text. Is it this date?', 'status');
    await scrollTo(page, dateField('Target date for step 2', 'next week', 'next week'), 'the other old text shown');
    await find(page, 'This was saved as text, not as a date. Type the date, or pick it on the calendar.', 'status');
    await clickItem(page, await scrollTo(page, byLabel('Use December 1, 2026', 'button'), 'the offered date'));
    await waitFor(page, dateField('Target date for step 1', '2026-12-01', 'December 1, 2026'), 'the date taken');
    await waitSaved(page);
    assert.deepEqual(await storedDates(page), ['2026-12-01', 'next week']);
    await page.reload();
    await openApp(page, site.url);
    await openGoal(page);
    await scrollTo(page, dateField('Target date for step 2', 'next week', 'next week'), 'the old text still there');
  });
});
