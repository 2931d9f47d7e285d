// Everything reachable with the keyboard alone: Tab walks the controls, a text field opens its
// editor when tabbed into, Enter or Space activates the focused control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, items, press, waitFor, waitSaved, fieldValue } from './harness.mjs';

async function tabUntil(page, test, what, limit = 30, key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    await press(page, key);
    const hit = test(await items(page));
    if (hit) return hit;
  }
  throw new Error(`${what} was not reached with ${key}`);
}

test('a librarian can fill in the profile and change pages with the keyboard alone', async () => {
  await withApp({}, async (page) => {
    await page.focus('#wayfinder-canvas');
    await tabUntil(page, (all) => all.find((i) => i.label === 'Your name' && i.editing), 'the name field');
    assert.ok(await page.locator('#wf-editor').isVisible(), "the browser's own editor is open on the field");
    await page.keyboard.type('Keyboard Kim');
    await page.keyboard.press('Tab');
    await waitFor(page, (all) => all.find((i) => i.label === 'Your role' && i.editing), 'Tab moving to the next field');
    await page.keyboard.type('Library media specialist');
    await page.keyboard.press('Escape');
    await waitFor(page, (all) => all.find((i) => i.label === 'Your role' && !i.editing && i.focused), 'focus kept on the field after Escape');
    assert.equal(await fieldValue(page, 'Your name'), 'Keyboard Kim');
    assert.equal(await fieldValue(page, 'Your role'), 'Library media specialist');

    await tabUntil(page, (all) => all.find((i) => i.label === 'Data & settings' && i.role === 'tab' && i.focused), 'the settings tab', 30, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await waitFor(page, (all) => all.find((i) => i.role === 'heading' && i.label === 'Data & settings'), 'the settings page');
    await tabUntil(page, (all) => all.find((i) => i.label === 'Dark' && i.focused), 'the Dark theme option');
    await page.keyboard.press('Space');
    await waitFor(page, (all) => all.find((i) => i.label === 'Dark' && i.checked), 'the dark theme chosen');
    await waitSaved(page);
  });
});
