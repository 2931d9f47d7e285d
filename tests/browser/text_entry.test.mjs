// Writing is the heart of the app: text fields get everything a browser text box has, because
// typing happens in the browser's own editor placed over the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, typeInto, click, clickItem, find, fieldValue, waitFor, waitSaved, goTo, scrollTo, decodePng } from './harness.mjs';

// Clipboard access is granted as a person would allow it when the browser asks.
const withClipboard = (body) => withApp({
  beforeOpen: (page, site) => page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url }),
}, body);

test('an input method composes accented text (dead keys, IME) and the field keeps it', async () => {
  await withClipboard(async (page) => {
    await click(page, 'Your name');
    await page.locator('#wf-editor').waitFor({ state: 'visible' });
    const cdp = await page.context().newCDPSession(page);
    await page.keyboard.type('Jos');
    // A dead key shows a composition first, then commits the composed letter.
    await cdp.send('Input.imeSetComposition', { text: '´', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: 'é' });
    await page.keyboard.type(' Ñúñez');
    await waitFor(page, (all) => all.find((i) => i.label === 'Your name' && i.value === 'José Ñúñez'), 'the composed name');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    assert.equal(await fieldValue(page, 'Your name'), 'José Ñúñez');
  });
});

test('copy and paste between fields goes through the system clipboard', async () => {
  await withClipboard(async (page) => {
    await typeInto(page, 'School', 'Lincoln Elementary “Lions”');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Lincoln Elementary “Lions”');
    await click(page, 'District');
    await page.locator('#wf-editor').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+V');
    await waitFor(page, (all) => all.find((i) => i.label === 'District' && i.value === 'Lincoln Elementary “Lions”'), 'the pasted text');
  });
});

test('long reflections wrap inside the field, which grows to show them', async () => {
  await withClipboard(async (page) => {
    const before = await find(page, 'What you want to focus on');
    const sentence = 'We will build a maker space schedule with every grade team, then share what students create.';
    // Five sentences arrive at once (pasted, dictated), the sixth is typed key by key: 560 keys one by
    // one took half a minute under software WebGL, and wrapping does not depend on how text arrived.
    await clickItem(page, before);
    const editor = page.locator('#wf-editor');
    await editor.waitFor({ state: 'visible' });
    await editor.fill(Array(5).fill(sentence).join(' '));
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' ' + sentence);
    await waitFor(page, (all) => all.find((i) => i.label === 'What you want to focus on' && i.value === Array(6).fill(sentence).join(' ')),
      'the whole reflection in the field');
    await page.keyboard.press('Escape');
    const after = await waitFor(page, (all) => all.find((i) => i.label === 'What you want to focus on' && i.h > before.h), 'a taller field');
    assert.ok(after.w === before.w, 'wraps instead of widening');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && i.label === '96 words'), 'the word count');
  });
});

test('pasting a Wayfinder file\'s text into the app offers to open it', async () => {
  await withClipboard(async (page) => {
    const json = JSON.stringify({ type: 'wayfinder.workspace', version: 1, exported_at: '2026-11-01T09:00:00Z',
      documents: { profile: { type: 'wayfinder.profile', version: 1, name: 'Pasted Pat' } } });
    await page.evaluate((text) => navigator.clipboard.writeText(text), json);
    await page.focus('#wayfinder-canvas');
    await page.keyboard.press('Control+V');
    await click(page, 'Replace my data', 'button');
    await waitFor(page, (all) => all.find((i) => i.label === 'Your name' && i.value === 'Pasted Pat'), 'the pasted profile');
  });
});

// The darkest pixel's brightness (0 black .. 255 white) inside an item: how dark its text is drawn.
async function darkestIn(page, item) {
  const png = decodePng(await page.screenshot({ clip: { x: item.x + 4, y: item.y + 4, width: item.w - 8, height: item.h - 8 } }));
  let darkest = 255;
  for (let i = 0; i < png.pixels.length; i += 4) darkest = Math.min(darkest, (png.pixels[i] + png.pixels[i + 1] + png.pixels[i + 2]) / 3);
  return darkest;
}

test('an empty field shows its example answer as an example ("e.g.", lighter, slanted), never as something already written', async () => {
  await withApp({}, async (page) => {
    const example = 'e.g. A book club or reading challenge you ran, and who took part';
    await goTo(page, 'Self-assessment');
    await click(page, 'Start', 'button');
    const field = await scrollTo(page, (all) => all.find((i) => i.label === 'An example from your practice (optional)'), 'the example field');
    assert.equal(field.value, '');
    assert.equal(field.hint, example);
    const hintDarkest = await darkestIn(page, field);

    // Opened, the browser's editor shows the same example, as lightly and slanted.
    await clickItem(page, field);
    const editor = page.locator('#wf-editor');
    await editor.waitFor({ state: 'visible' });
    assert.equal(await editor.getAttribute('placeholder'), example);
    assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('wf-editor'), '::placeholder').fontStyle), 'italic');
    const placeholderDarkest = await darkestIn(page, field);

    // Written text is drawn darker than the example was, in the field and in the editor.
    await page.keyboard.type('Our spring reading challenge drew ninety families.');
    const typedDarkest = await darkestIn(page, field);
    await page.keyboard.press('Escape');
    const written = await waitFor(page, (all) => all.find((i) => i.label === field.label && i.value.startsWith('Our spring') && !i.editing), 'the written text');
    assert.ok(hintDarkest > (await darkestIn(page, written)) + 60, 'the example is drawn lighter than written text');
    assert.ok(placeholderDarkest > typedDarkest + 60, 'the editor shows the example lighter than typed text');

    // A question stays a question.
    await goTo(page, 'Home');
    const focus = await find(page, 'What you want to focus on');
    assert.equal(focus.hint, 'What do you most want to grow or change in your library program this year?');
  });
});

test('a 5,000-word reflection keeps an exact word count and its full height while words are added at its end', async () => {
  await withApp({}, async (page) => {
    const paragraph = 'Students interviewed family members and wrote short biographies together today. '.repeat(10).trim();
    const reflection = Array(50).fill(paragraph).join('\n\n');   // 50 paragraphs, 5,000 words
    const before = await find(page, 'What you want to focus on');
    await clickItem(page, before);
    const editor = page.locator('#wf-editor');
    await editor.waitFor({ state: 'visible' });
    await editor.fill(reflection);
    await scrollTo(page, (all) => all.find((i) => i.role === 'status' && i.label === '5000 words'), '5000 words');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' And more');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && i.label === '5002 words'), 'two words more');
    await page.keyboard.press('Enter');
    await page.keyboard.type('A last paragraph.');
    await waitFor(page, (all) => all.find((i) => i.role === 'status' && i.label === '5005 words'), 'a new paragraph counted');
    // Closed, the field is as tall as the browser's editor was with the whole text in it.
    const editorHeight = await editor.evaluate((e) => e.getBoundingClientRect().height);
    await page.keyboard.press('Escape');
    const closed = await waitFor(page, (all) => all.find((i) => i.label === 'What you want to focus on' && !i.editing), 'the closed field');
    assert.ok(Math.abs(closed.h - editorHeight) <= 2 * 20, `the field (${closed.h} px) holds the text the editor held (${editorHeight} px)`);
  });
});
