// The Let's Talk maps as canvases of sticky notes (issue 11), driven as a librarian would: notes
// dragged with the mouse, zoomed with Ctrl+wheel and with two fingers, added and moved with the
// keyboard alone, and a drag taken back with one undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo, typeInto, openApp, quickAssessment, mapNote, mapRegion, centre, mouseDrag, pinch, stepHeading, toTop, scrollClick, startJourney, toStep as toStepAt } from './harness.mjs';

const heading = stepHeading;
const labelled = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role));
const zoom = (all) => all.find((i) => i.role === 'status' && /^Zoom \d+ %$/.test(i.label));
const zoomOf = (all) => Number(/(\d+)/.exec(zoom(all).label)[1]);
// Both found and whole on screen.
const both = (a, b) => (all) => { const x = a(all), y = b(all); return x && y && !x.clipped && !y.clipped ? [x, y] : null; };

const top = (page) => toTop(page, 500);
const start = startJourney;
const toStep = (page, n) => toStepAt(page, n, 500);
async function write(page, label, text) {
  await scrollTo(page, labelled(label), `the field "${label}"`);
  await typeInto(page, label, text);
  await press(page, 'Escape');
}
// A Venn note added from the list and put in `region` there.
async function vennNote(page, text, region) {
  await write(page, 'A note from the plans', text);
  await scrollClick(page, labelled('Add to the map', 'button'), 'Add to the map');
  await scrollClick(page, (all) => all.find((i) => i.role === 'radio' && i.label === region && i.group === text), `the region "${region}"`);
}
// A click on the page beside the map: the map lets go of the keyboard, and the wheel scrolls the page again.
async function leaveMap(page) {
  await page.mouse.click(270, 500);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}
// The connections listed under the "Connections" heading.
const connections = (all) => all.slice(all.findIndex((i) => i.role === 'heading' && i.label === 'Connections') + 1).map((i) => i.label);

test('a Venn note dragged with the mouse from "School only" into the district and school overlap becomes a connection, an undo puts it back, and a reload keeps it', async () => {
  await withApp({ height: 900 }, async (page) => {
    await start(page);
    await toStep(page, 3);
    await vennNote(page, 'Family literacy nights', 'School only');
    await scrollTo(page, (all) => all.find((i) => i.role === 'text' && /^None yet/.test(i.label)), 'no connections yet');

    await top(page);
    const [note, lens] = await scrollTo(page, both(mapNote('Family literacy nights', (i) => i.region === 'School only'),
      mapRegion('District and school')), 'the note and the overlap on the canvas');
    await mouseDrag(page, centre(note), centre(lens));
    await waitFor(page, mapNote('Family literacy nights', (i) => i.region === 'District and school'), 'the note in the overlap');
    await leaveMap(page);
    await scrollTo(page, (all) => connections(all).includes('District and school') && connections(all).includes('• Family literacy nights'),
      'the overlap listed as a connection');

    // One drag, one step back.
    await press(page, 'Control+z');
    await top(page);
    await scrollTo(page, mapNote('Family literacy nights', (i) => i.region === 'School only' && !i.clipped), 'the note back in "School only"');
    const back = (await items(page)).find((i) => i.role === 'note');
    assert.ok(Math.abs(centre(back).x - centre(note).x) < 2 && Math.abs(centre(back).y - centre(note).y) < 2, 'back where it was');
    await press(page, 'Control+Shift+z');
    await waitFor(page, mapNote('Family literacy nights', (i) => i.region === 'District and school'), 'the drag redone');

    await waitSaved(page);
    await page.reload();
    await openApp(page, page.url());
    await goTo(page, "Let's Talk");
    await click(page, 'Open journey', 'button');
    await waitFor(page, heading(3), 'step 3 after the reload');
    await top(page);
    await scrollTo(page, mapNote('Family literacy nights', (i) => i.region === 'District and school'), 'the note still in the overlap');
    await scrollTo(page, (all) => connections(all).includes('• Family literacy nights'), 'still a connection');
  });
});

test('Ctrl+wheel zooms the map around the pointer: the point under it stays under it', async () => {
  await withApp({ height: 900 }, async (page) => {
    await start(page);
    await toStep(page, 3);
    await vennNote(page, 'Book fair', 'District only');
    await top(page);
    const note = await scrollTo(page, mapNote('Book fair', (i) => !i.clipped), 'the note on the canvas');
    // The pointer just right of the note: the note grows away from it, and stays where the zoom puts it.
    const at = { x: note.x + note.w + 20, y: note.y + note.h / 2 };
    await page.mouse.move(at.x, at.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -150);
    await page.keyboard.up('Control');
    const after = await waitFor(page, mapNote('Book fair', (i) => i.w > note.w * 1.2), 'the note drawn bigger');
    const k = after.w / note.w;
    assert.ok(Math.abs(after.x - (at.x + (note.x - at.x) * k)) < 2, `left edge where the zoom around the pointer puts it (${after.x})`);
    assert.ok(Math.abs(after.y - (at.y + (note.y - at.y) * k)) < 2, `top edge where the zoom around the pointer puts it (${after.y})`);
  });
});

test('two fingers pinching apart on a touch screen zoom the map in', async () => {
  await withApp({ height: 900, touch: true }, async (page) => {
    await start(page);
    await toStep(page, 3);
    const canvas = await scrollTo(page, (all) => all.find((i) => i.role === 'canvas' && !i.clipped), 'the map canvas');
    const before = zoomOf(await items(page));
    await pinch(page, centre(canvas), 60, 180);
    const after = zoomOf(await waitFor(page, (all) => zoom(all) && zoomOf(all) !== before && all, 'the zoom level to change'));
    assert.ok(Math.abs(after / before - 3) < 0.35, `about three times closer (${before} % to ${after} %)`);
  });
});

test('with the keyboard alone a note is added with N, typed, and moved with the arrow keys into another region', async () => {
  await withApp({ height: 900 }, async (page) => {
    await start(page);
    await toStep(page, 3);
    const spot = await scrollTo(page, mapRegion('District only'), 'the "District only" region');
    // Into the canvas: a click on empty space holds the keyboard there (as tabbing to it does).
    await clickItem(page, spot);
    await press(page, 'n');
    await page.locator('#wf-editor').waitFor({ state: 'visible' });
    await page.keyboard.type('Summer reading');
    await press(page, 'Enter');
    const note = await waitFor(page, mapNote('Summer reading', (i) => i.focused), 'the typed note, focused');
    assert.equal(note.region, 'District only');
    // Shift+arrows take big steps: right, into the district and school overlap.
    let moved = note;
    for (let k = 0; k < 12 && moved.region === 'District only'; k++) {
      await press(page, 'Shift+ArrowRight');
      moved = await waitFor(page, mapNote('Summer reading'), 'the note');
    }
    assert.equal(moved.region, 'District and school');
    assert.ok(moved.x > note.x, 'moved right');
    await leaveMap(page);
    await scrollTo(page, (all) => connections(all).includes('• Summer reading'), 'listed as a connection');
  });
});

test('strengths from the self-assessment appear on the step 5 canvas as notes to place', async () => {
  await withApp({ height: 900 }, async (page) => {
    await quickAssessment(page, 'Leading');
    await start(page);
    await toStep(page, 5);
    const offered = await scrollTo(page, (all) => all.find((i) => i.role === 'button' && i.label.startsWith('+ ')), 'a strength offered');
    const area = offered.label.slice(2);
    await clickItem(page, offered);
    await top(page);
    await scrollTo(page, mapNote(area, (i) => i.region === 'On the margins'), 'the strength as a note on the map, on its margins');
    await waitSaved(page);
  });
});
