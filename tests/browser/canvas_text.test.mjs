// A map's note text stays sharp when the map is zoomed (issue 11: "the text stays readable at any
// zoom"): the letters on screen at 100 % and at 200 % are drawn from a font made at their size, not
// the page's font shrunk or stretched, and are as sharp as the page's own text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, waitFor, scrollTo, typeInto, press, scrollClick, mapNote, centre, decodePng, startJourney, toStep, toTop } from './harness.mjs';

// The note's text is drawn from a font rasterised at its size (to the pixel).
const madeForIt = (note) => Math.abs(note.font_px - note.text_px) <= 0.51;
const labelled = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role));
const zoomOf = (all) => Number(/^Zoom (\d+) %$/.exec(all.find((i) => i.role === 'status' && /^Zoom \d+ %$/.test(i.label)).label)[1]);

// Ctrl+wheel over `at` by the amount that zooms the map by `factor` (library_wayfinder.js turns a
// wheel delta d into a zoom of exp(-0.003 d)).
async function zoomBy(page, at, factor) {
  await page.mouse.move(at.x, at.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -Math.log(factor) / 0.003);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}

// How sharp the letters inside a note are: of the pixels the text covers at least half, the share it
// covers fully. A glyph drawn at its own size has solid strokes with one soft pixel at each edge; one
// stretched from a smaller font has edges as wide as the stretch, and barely a solid pixel.
async function sharpness(page, note) {
  const inset = 4;
  const clip = { x: Math.ceil(note.x) + inset, y: Math.ceil(note.y) + inset, width: Math.floor(note.w) - 2 * inset, height: Math.floor(note.h) - 2 * inset };
  const png = decodePng(await page.screenshot({ clip }));
  const luminance = [];
  for (let i = 0; i < png.width * png.height; i++) {
    const p = png.pixels.subarray(i * 4, i * 4 + 3);
    luminance.push(0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]);
  }
  const paper = Math.max(...luminance), ink = Math.min(...luminance);
  let half = 0, solid = 0;
  for (const l of luminance) {
    const covered = (paper - l) / (paper - ink);
    if (covered >= 0.5) half++;
    if (covered >= 0.9) solid++;
  }
  assert.ok(half > 20, `text found in the note (${half} px)`);
  return solid / half;
}

test("a note's letters are as sharp as the page's own text at 100 % and zoomed to 200 %, drawn from a font made at their size", async () => {
  await withApp({ height: 900 }, async (page) => {
    await startJourney(page);
    await toStep(page, 3, 500);
    await scrollTo(page, labelled('A note from the plans'), 'the field for a note');
    await typeInto(page, 'A note from the plans', 'Family literacy nights');
    await press(page, 'Escape');
    await scrollClick(page, labelled('Add to the map', 'button'), 'Add to the map');
    await scrollClick(page, (all) => all.find((i) => i.role === 'radio' && i.label === 'District only' && i.group === 'Family literacy nights'),
      'the region "District only"');
    await toTop(page, 500);
    const fitted = await scrollTo(page, mapNote('Family literacy nights', (i) => !i.clipped), 'the note on the canvas');

    // About 100 % (the zoom shown is rounded), around the note: it stays where it is.
    const zoom = zoomOf(await waitFor(page, (all) => all, 'the page'));
    await zoomBy(page, centre(fitted), 100 / zoom);
    const atOne = await waitFor(page, mapNote('Family literacy nights', (i) => !i.clipped && madeForIt(i)), 'the note at 100 %');
    const one = zoomOf(await waitFor(page, (all) => all, 'the page'));
    assert.ok(Math.abs(one - 100) <= 3, `about 100 % (${one} %)`);
    // The page's own text, drawn from a font made at its size, is the mark to meet, within a quarter
    // (the share moves a little with the size and the letters): text stretched or shrunk from another
    // size has a fifth of it or less.
    const own = await waitFor(page, (all) => all.find((i) => i.role === 'text' && i.label.startsWith('Drag notes to move them') && !i.clipped),
      "the canvas's hint line");
    const sharpOwn = await sharpness(page, own);
    const sharpAtOne = await sharpness(page, atOne);
    assert.ok(sharpAtOne >= sharpOwn * 0.75, `letters at 100 % about as sharp as the page's (solid share ${sharpAtOne.toFixed(3)}, the page's ${sharpOwn.toFixed(3)})`);

    await zoomBy(page, centre(atOne), 2);
    const two = zoomOf(await waitFor(page, (all) => all, 'the page'));
    assert.ok(Math.abs(two - 2 * one) <= 1, `twice that (${two} %)`);
    const atTwo = await waitFor(page, mapNote('Family literacy nights', (i) => !i.clipped && madeForIt(i)),
      'the note drawn from a font made at its size');
    assert.ok(Math.abs(atTwo.text_px / atOne.text_px - 2) < 0.01, `the text twice as big (${atOne.text_px} px, then ${atTwo.text_px} px)`);
    const sharpAtTwo = await sharpness(page, atTwo);
    assert.ok(sharpAtTwo >= sharpOwn * 0.75, `letters at 200 % as sharp as the page's (solid share ${sharpAtTwo.toFixed(3)}, the page's ${sharpOwn.toFixed(3)})`);
  });
});
