// Wayfinder through a screen reader's eyes: Chromium's own accessibility tree (CDP
// Accessibility.getFullAXTree), never the app's records, is what these tests read and act on. Controls
// are pressed the way assistive technology presses them (the element's default action: a click) or
// focused and typed into, as a screen-reader user tabs and types; axe-core checks each page's mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedApp, items, waitFor, goTo, storedDocuments, waitForStored, storedVennNotes, importFile, ROOT } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let app, page, cdp;
before(async () => {
  app = await sharedApp({ height: 900 });
  page = app.page;
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  await cdp.send('DOM.enable');
});
after(async () => { if (app) await app.close(); });

// --- the accessibility tree --------------------------------------------------------------------

// Every node a screen reader can reach, in reading order: {role, name, value, focused, checked,
// selected, disabled, modal, level, node (backend DOM node id), path: the names of the landmarks,
// dialogs and groups around it}.
async function tree() {
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const out = [];
  const walk = (n, path) => {
    if (!n) return;
    let inner = path;
    if (!n.ignored) {
      const prop = (name) => (n.properties || []).find((p) => p.name === name)?.value.value;
      const entry = {
        role: n.role?.value, name: n.name?.value || '', value: n.value?.value, node: n.backendDOMNodeId, path,
        focused: prop('focused') === true, checked: prop('checked'), selected: prop('selected'),
        disabled: prop('disabled') === true, modal: prop('modal'), level: prop('level'),
      };
      out.push(entry);
      if (/^(navigation|main|region|dialog|radiogroup|tablist)$/.test(entry.role)) inner = [...path, `${entry.role}:${entry.name}`];
    }
    for (const c of n.childIds || []) walk(byId.get(c), inner);
  };
  walk(nodes[0], []);
  return out;
}

const node = (role, name, extra = () => true) => (all) => all.find((n) => n.role === role && n.name === name && extra(n));
const inGroup = (group) => (n) => n.path.some((p) => p.endsWith(':' + group));

// Polls the tree until `test(nodes)` returns something; fails with what the tree held.
async function waitTree(test, what, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    const all = await tree();
    const found = test(all);
    if (found) return found;
    if (Date.now() - start > timeout) {
      const shown = all.filter((n) => n.name && !/^(StaticText|InlineTextBox)$/.test(n.role)).map((n) => `${n.role}:"${n.name}"`);
      throw new Error(`timed out waiting for ${what}; the accessibility tree holds: ${shown.join(', ')}`);
    }
    await page.waitForTimeout(50);
  }
}

// What assistive technology does to a node: its default action (a click), or focus.
async function activate(n) {
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: n.node });
  await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function() { this.click(); }' });
}
async function focus(n) { await cdp.send('DOM.focus', { backendNodeId: n.node }); }

// Presses a key until the focused node passes `test` (a screen-reader user tabbing through a form).
async function tabUntil(test, what, key = 'Tab', limit = 60) {
  for (let i = 0; i < limit; i++) {
    const focused = (await tree()).find((n) => n.focused && n.role !== 'RootWebArea');
    if (focused && test(focused)) return focused;
    await page.keyboard.press(key);
  }
  throw new Error(`${what} never took focus`);
}

// The words the live regions hold now.
const spoken = async () => page.evaluate(() => ({
  polite: document.querySelector('#wf-mirror [role=status]').textContent.trim(),
  assertive: document.querySelector('#wf-mirror [role=alert]').textContent.trim(),
}));

// What each visible control should be in the tree: the role a person would name it by.
const AX_ROLE = { button: 'button', tab: 'tab', checkbox: 'checkbox', radio: 'radio', textbox: 'textbox',
  'textbox-multiline': 'textbox', note: 'button', wedge: 'button', progressbar: 'progressbar', canvas: 'group' };

async function checkPage(name) {
  // A map's notes join the tree one at a time, as the keyboard reaches them (see the Venn test).
  const drawn = (await items(page)).filter((i) => i.id && AX_ROLE[i.role] && !i.editing && (i.role !== 'note' || i.focused));
  const all = await tree();
  assert.ok(drawn.length > 3, `${name}: controls on screen`);
  for (const control of drawn) {
    const role = AX_ROLE[control.role];
    // A note's and a wedge's names go on past the label (region and place; rating); a choice is found
    // in its own group, as several groups offer the same choices.
    const named = (n) => (control.role === 'note' || control.role === 'wedge' ? n.name.startsWith(control.label) : n.name === control.label);
    const found = all.find((n) => n.role === role && named(n) && (!control.group || inGroup(control.group)(n)));
    assert.ok(found, `${name}: ${control.role} "${control.label}" is in the accessibility tree as a ${role}`);
    assert.equal(found.disabled, !!control.disabled, `${name}: "${control.label}" ${control.disabled ? 'disabled' : 'enabled'}`);
    if (control.checked !== undefined) assert.equal(found.checked, String(control.checked), `${name}: "${control.label}" checked state`);
    if (control.role === 'tab') assert.equal(found.selected, !!control.selected, `${name}: tab "${control.label}" selected state`);
    // Where the control is drawn, so a magnifier following focus shows it.
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: found.node });
    const [x, y] = model.border;
    assert.ok(Math.abs(x - control.x) < 1 && Math.abs(y - control.y) < 1 && Math.abs(model.width - control.w) < 1 &&
      Math.abs(model.height - control.h) < 1, `${name}: "${control.label}" is placed where it is drawn`);
  }
  // The page's structure: the pages' tabs in a navigation landmark, the page in the main one under
  // its level-1 heading.
  assert.ok(all.find((n) => n.role === 'tab' && n.selected && n.name === name && inGroup('Pages')(n)), `${name}: its tab is selected, in "Pages"`);
  assert.ok(all.find((n) => n.role === 'heading' && n.level === 1 && n.name === name && n.path.includes(`main:${name}`)),
    `${name}: a level-1 heading in the main landmark`);
  // axe-core over the mirror.
  // Through DevTools, as an extension would inject it: the page's own policy allows no inline script.
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run('#wf-mirror', { resultTypes: ['violations'] }));
  const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  assert.deepEqual(violations, [], `${name}: axe-core finds no violations`);
}

test('every page: each visible control is in Chromium\'s accessibility tree with its role, name, state and place, and axe-core finds no violations', async () => {
  await checkPage('Home');
  for (const name of ['Self-assessment', "Let's Talk", 'Micro-credential', 'Reviews', 'Data & settings']) {
    await goTo(page, name);
    await checkPage(name);
  }
});

test('typed through the accessibility tree alone: a field focused there opens the editor, the text is kept, "Saved" is announced, and the page keeps its elements', async () => {
  const tab = await waitTree(node('tab', 'Home'), 'the Home tab');
  await activate(tab);
  const home = await waitTree(node('heading', 'Home'), 'the Home page');
  const field = await waitTree(node('textbox', 'Your name'), 'the name field');
  await focus(field);
  // The field's editor, the browser's own text field, takes the focus with the field's name.
  await waitTree(node('textbox', 'Your name', (n) => n.focused), 'the name field focused');
  await page.keyboard.type('Ana Pérez');
  await waitFor(page, (all) => all.find((i) => i.label === 'Your name' && i.value === 'Ana Pérez'), 'the app to hold the name');
  await page.waitForFunction(() => document.querySelector('#wf-mirror [role=status]').textContent.trim() === 'Saved', null, { polling: 50 });
  // Every frame drawn while typing kept the same elements: a screen reader's place is not lost.
  const after = await tree();
  assert.equal(after.find((n) => n.role === 'tab' && n.name === 'Home').node, tab.node, 'the tab is the same element');
  assert.equal(after.find((n) => n.role === 'heading' && n.name === 'Home').node, home.node, 'the heading is the same element');
  const docs = await storedDocuments(page);
  assert.equal(Object.values(docs).find((d) => d.type === 'wayfinder.profile')?.name, 'Ana Pérez', 'the name is stored');
});

test('a self-assessment taken start to finish through the accessibility tree: a button, ratings, a checkbox, Tab to the end', async () => {
  await activate(await waitTree(node('tab', 'Self-assessment'), 'the Self-assessment tab'));
  await activate(await waitTree(node('button', 'Start'), 'the Start button'));
  await waitTree((all) => all.find((n) => n.role === 'heading' && /^Area 1 of 11/.test(n.name)), 'the first area');
  const groups = (await tree()).filter((n) => n.role === 'radiogroup').map((n) => n.name);
  assert.ok(groups.length >= 1, 'each statement is a radio group named by the statement');
  for (const group of groups) {
    const choice = await waitTree(node('radio', 'Established', inGroup(group)), `"Established" for "${group}"`);
    assert.equal(choice.checked, 'false');
    await activate(choice);
    await waitTree(node('radio', 'Established', (n) => inGroup(group)(n) && n.checked === 'true'), `"${group}" rated`);
  }
  // The rest of the area, and the checkbox below the fold, reached by tabbing from the last rating.
  await focus(await waitTree(node('radio', 'Established', inGroup(groups[groups.length - 1])), 'the last rating'));
  const grow = await tabUntil((n) => n.role === 'checkbox' && n.name === 'I want to grow here', 'the grow checkbox');
  assert.equal(grow.checked, 'false');
  await activate(grow);
  await waitTree(node('checkbox', 'I want to grow here', (n) => n.checked === 'true'), 'the box ticked');
  const finish = await tabUntil((n) => n.role === 'button' && n.name === 'Finish and see results', 'Finish');
  await activate(finish);
  await waitTree((all) => all.some((n) => n.role === 'button' && /^Curates digital resources|: (Established|not rated)$/.test(n.name)),
    'the results wheel\'s wedges');
  const stored = await waitForStored(page, (docs) => Object.values(docs).some((d) => d.type === 'wayfinder.assessment' && d.completed_at),
    'a finished assessment');
  const done = Object.values(stored).find((d) => d.type === 'wayfinder.assessment' && d.completed_at);
  assert.ok(Object.values(done.areas).some((a) => a.grow), 'the area is marked to grow');
});

test('a Venn note placed through the accessibility tree alone; each note is read as its text, region and place', async () => {
  await activate(await waitTree(node('tab', "Let's Talk"), "the Let's Talk tab"));
  await activate(await waitTree(node('button', 'Start a new journey'), 'Start a new journey'));
  await waitTree((all) => all.find((n) => n.role === 'heading' && /^Step 1: /.test(n.name)), 'step 1');
  assert.match((await spoken()).polite, /^Step 1: /, 'the step is announced');
  await activate(await waitTree((all) => all.find((n) => n.role === 'button' && /^3 /.test(n.name)), 'the step 3 chip'));
  await waitTree((all) => all.find((n) => n.role === 'heading' && /^Step 3: /.test(n.name)), 'step 3');
  assert.match((await spoken()).polite, /^Step 3: /, 'the new step is announced');
  const field = await tabUntil((n) => n.role === 'textbox' && n.name === 'A note from the plans', 'the note field');
  assert.ok(field.focused);
  await page.keyboard.type('Family literacy nights');
  await activate(await tabUntil((n) => n.role === 'button' && n.name === 'Add to the map', 'Add to the map'));
  // The note's region choice is listed above the field: back with Shift+Tab.
  const region = await tabUntil((n) => n.role === 'radio' && n.name === 'District and school' && inGroup('Family literacy nights')(n),
    'the note\'s region choice', 'Shift+Tab');
  await activate(region);
  // Chosen, the list shows the note with a button to choose again; the note is on the map, in the
  // overlap, where Tab (back, from the list) reaches it and it is read as its text, region and place.
  await waitTree(node('button', 'Choose region'), 'the region chosen');
  await waitForStored(page, (docs) => storedVennNotes(docs).some((n) => n.text === 'Family literacy nights'), 'the note stored');
  const note = await tabUntil((n) => n.role === 'button' && n.name.startsWith('Family literacy nights,'), 'the note on the map', 'Shift+Tab');
  assert.equal(note.name, 'Family literacy nights, District and school, 1 of 1');
});

test('a dialog is a modal dialog in the tree: the page behind it is out of reach until it is answered through the tree', async () => {
  await importFile(page, join(ROOT, 'tests/fixtures/workspace-v1.json'));
  const dialog = await waitTree(node('dialog', 'Open this file?'), 'the import dialog');
  assert.equal(dialog.modal, true, 'a modal dialog');
  const all = await tree();
  assert.ok(!all.some((n) => n.role === 'main' || n.role === 'navigation'), 'the page behind the dialog is not in the tree');
  assert.ok(all.some((n) => n.role === 'button' && n.name === 'Replace my data' && n.path.includes('dialog:Open this file?')));
  await activate(await waitTree(node('button', 'Cancel', inGroup('Open this file?')), 'Cancel'));
  await waitTree((nodes) => !nodes.some((n) => n.role === 'dialog') && nodes.some((n) => n.role === 'main'), 'the page back');
  const docs = await storedDocuments(page);
  assert.equal(Object.values(docs).find((d) => d.type === 'wayfinder.profile')?.name, 'Ana Pérez', 'nothing was replaced');
});
