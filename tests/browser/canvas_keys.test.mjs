// The whiteboard habits of the map canvas (issue 11) that people bring from other whiteboards, done
// as a person does them on the step 3 Venn: Space+drag pans, Shift+drag selects a box of notes,
// arrows and undo act on all of them, Ctrl+D duplicates, a colour is chosen and kept, Tab walks the
// notes in reading order, Delete removes and Ctrl+Z brings back. One browser and page serve every
// test; each starts on a new journey's empty Venn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, openApp, goTo, mapNote, mapRegion,
  centre, mouseDrag, decodePng, storedDocuments, storedVennNotes, toStep, stepHeading } from './harness.mjs';

let app;
before(async () => { app = await sharedApp({ height: 900 }); });
after(async () => { if (app) await app.close(); });

const notes = (all) => all.filter((i) => i.role === 'note');
const near = (a, b, by = { x: 0, y: 0 }) => Math.abs(a.x - b.x - by.x) < 2 && Math.abs(a.y - b.y - by.y) < 2;

// A new journey's Venn, the canvas whole on screen. A click on the page's tab first: the map lets go
// of the keyboard, so the wheel scrolls the page again.
async function emptyVenn(page) {
  await goTo(page, "Let's Talk");
  if (!(await items(page)).some((i) => i.label === 'Start a new journey')) {
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Back to your journeys'), 'the way back to the journeys'));
  }
  await click(page, 'Start a new journey', 'button');
  await waitFor(page, stepHeading(1), 'step 1');
  await toStep(page, 3, 500);
  await scrollTo(page, (all) => all.find((i) => i.role === 'canvas' && !i.clipped), 'the whole map canvas');
}

// A note added as a person adds one with the keyboard: a click on the region (the canvas takes the
// keyboard, the pointer rests there), N, the text, Enter.
async function addNote(page, region, text) {
  await clickItem(page, await waitFor(page, mapRegion(region), `the "${region}" region`));
  await press(page, 'n');
  await page.locator('#wf-editor').waitFor({ state: 'visible' });
  await page.keyboard.type(text);
  await press(page, 'Enter');
  return waitFor(page, mapNote(text, (i) => i.region === region && !i.clipped), `"${text}" on the map in "${region}"`);
}

// The colour a note is filled with, read from the screen near its lower right corner (away from its
// text, inside its rounded edge).
async function fillOf(page, note) {
  const at = { x: Math.round(note.x + note.w - 10), y: Math.round(note.y + note.h - 6) };
  const png = decodePng(await page.screenshot({ clip: { ...at, width: 1, height: 1 } }));
  return [...png.pixels.subarray(0, 3)];
}
const sameColour = (a, b) => a.every((v, k) => Math.abs(v - b[k]) <= 4);
const YELLOW = [0xFF, 0xEE, 0x99], PINK = [0xFB, 0xCF, 0xE0];

test('a colour chosen for a note fills it, and it is still that colour after a reload', async () => {
  const { page } = app;
  await emptyVenn(page);
  const note = await addNote(page, 'District only', 'Makerspace grant');
  const yellow = await fillOf(page, note);
  assert.ok(sameColour(yellow, YELLOW), `a new note is yellow: ${yellow}`);
  await click(page, 'Colour: Pink', 'button');
  await waitFor(page, mapNote('Makerspace grant'), 'the note');
  const pink = await fillOf(page, note);
  assert.ok(sameColour(pink, PINK), `the note is filled pink: ${pink}`);

  await waitSaved(page);
  assert.equal(storedVennNotes(await storedDocuments(page)).find((n) => n.text === 'Makerspace grant').colour, 'pink');
  await page.reload();
  await openApp(page, page.url());
  await goTo(page, "Let's Talk");
  await click(page, 'Open journey', 'button');
  await waitFor(page, stepHeading(3), 'step 3 after the reload');
  const again = await scrollTo(page, mapNote('Makerspace grant', (i) => !i.clipped), 'the note after the reload');
  const kept = await fillOf(page, again);
  assert.ok(sameColour(kept, PINK), `still pink after the reload: ${kept}`);
});

test('Space+drag, even when it starts on a note, pans the map: every note shifts on screen, and none moves on the map', async () => {
  const { page } = app;
  await emptyVenn(page);
  const a = await addNote(page, 'District only', 'Reading buddies');
  const b = await addNote(page, 'School only', 'Poetry slam');
  await waitSaved(page);
  const stored = storedVennNotes(await storedDocuments(page)).filter((n) => ['Reading buddies', 'Poetry slam'].includes(n.text));

  const by = { x: 120, y: 60 };
  await page.keyboard.down(' ');
  await mouseDrag(page, centre(a), { x: centre(a).x + by.x, y: centre(a).y + by.y });
  await page.keyboard.up(' ');
  const all = await items(page);
  const [a2, b2] = [mapNote('Reading buddies')(all), mapNote('Poetry slam')(all)];
  assert.ok(near(a2, a, by) && near(b2, b, by), `both notes shifted by the drag: ${JSON.stringify([a, a2, b, b2].map((n) => [n.x, n.y]))}`);
  assert.equal(a2.region, 'District only');
  assert.equal(b2.region, 'School only');
  await waitSaved(page);
  const after = storedVennNotes(await storedDocuments(page)).filter((n) => ['Reading buddies', 'Poetry slam'].includes(n.text));
  assert.deepEqual(after, stored, 'no note moved on the map');
});

test('Shift+drag on empty space selects the notes inside the box; one arrow key moves them all and one undo puts them all back', async () => {
  const { page } = app;
  await emptyVenn(page);
  const a = await addNote(page, 'District only', 'Book fair');
  const b = await addNote(page, 'School only', 'Science night');
  const c = await addNote(page, 'Library only', 'Reading lounge');
  // A box from above left of the first to below right of the second, ending above the third.
  const from = { x: a.x - 20, y: Math.min(a.y, b.y) - 20 }, to = { x: b.x + b.w + 20, y: Math.max(a.y + a.h, b.y + b.h) + 20 };
  assert.ok(to.y < c.y, 'the box leaves the library note out');
  assert.ok(!(await items(page)).some((i) => i.role === 'note' && from.x >= i.x && from.x <= i.x + i.w && from.y >= i.y && from.y <= i.y + i.h),
    'the drag starts on empty space');
  // Shift+drag adds to the selection: the note just added is let go of first.
  await press(page, 'Escape');
  await waitFor(page, (all) => notes(all).length === 3 && !notes(all).some((n) => n.selected), 'nothing selected');
  await page.keyboard.down('Shift');
  await mouseDrag(page, from, to);
  await page.keyboard.up('Shift');
  const selected = await waitFor(page, (all) => notes(all).filter((n) => n.selected).length === 2 && all, 'two notes selected');
  assert.deepEqual(notes(selected).filter((n) => n.selected).map((n) => n.label).sort(), ['Book fair', 'Science night']);
  assert.ok(near(mapNote('Book fair')(selected), a) && near(mapNote('Science night')(selected), b), 'the box drag moved nothing');

  await press(page, 'ArrowRight');
  const moved = await waitFor(page, (all) => mapNote('Book fair')(all).x > a.x + 1 && all, 'the notes moved right');
  const dx = mapNote('Book fair')(moved).x - a.x;
  assert.ok(Math.abs(mapNote('Science night')(moved).x - b.x - dx) < 1, 'both moved by one step');
  assert.ok(near(mapNote('Reading lounge')(moved), c), 'the note outside the box stayed');

  await press(page, 'Control+z');
  const back = await waitFor(page, (all) => near(mapNote('Book fair')(all), a) && all, 'the first note back');
  assert.ok(near(mapNote('Science night')(back), b), 'the second note back with the same undo');
});

test('Ctrl+D duplicates the selected note: one more note with the same text in the same region', async () => {
  const { page } = app;
  await emptyVenn(page);
  const note = await addNote(page, 'Library only', 'Genre shelving');
  await clickItem(page, note);
  await press(page, 'Control+d');
  const all = await waitFor(page, (all) => notes(all).length === 2 && all, 'two notes');
  assert.deepEqual(notes(all).map((n) => [n.label, n.region]), [['Genre shelving', 'Library only'], ['Genre shelving', 'Library only']]);
  await waitSaved(page);
  assert.equal(storedVennNotes(await storedDocuments(page)).filter((n) => n.text === 'Genre shelving').length, 2, 'both kept');
});

test('Tab and Shift+Tab go from note to note in reading order: top row left to right, then the row below', async () => {
  const { page } = app;
  await emptyVenn(page);
  // Added bottom first, so the order Tab follows is the map's, not the order of adding.
  await addNote(page, 'Library only', 'Third: library');
  await addNote(page, 'School only', 'Second: school');
  const first = await addNote(page, 'District only', 'First: district');
  await clickItem(page, first);
  const focus = (label) => waitFor(page, mapNote(label, (i) => i.focused), `"${label}" focused`);
  await press(page, 'Tab');
  await focus('Second: school');
  await press(page, 'Tab');
  await focus('Third: library');
  await press(page, 'Shift+Tab');
  await focus('Second: school');
  await press(page, 'Shift+Tab');
  await focus('First: district');
});

test('Delete removes the selected note, and Ctrl+Z brings it back where it was', async () => {
  const { page } = app;
  await emptyVenn(page);
  const note = await addNote(page, 'District only', 'Author visit');
  await clickItem(page, note);
  await press(page, 'Delete');
  await waitFor(page, (all) => notes(all).length === 0 && all.some((i) => i.role === 'canvas'), 'no note on the map');
  await press(page, 'Control+z');
  const back = await waitFor(page, mapNote('Author visit'), 'the note back');
  assert.equal(back.region, 'District only');
  assert.ok(near(back, note), 'where it was');
});
