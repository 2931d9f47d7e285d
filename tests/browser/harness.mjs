// Drives the real app in Debian's Chromium (playwright-core): real IndexedDB, service worker,
// downloads and file inputs. Widgets are found by label through window.wayfinder.items(), then
// clicked and typed into as a person would, with the mouse and keyboard.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// The built site; WAYFINDER_DIST points elsewhere to test another build side by side.
export const DIST = process.env.WAYFINDER_DIST || join(ROOT, 'dist');
const CHROMIUM = process.env.WAYFINDER_CHROMIUM || execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
export const CHROMIUM_ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic'];

export async function serve(dir = DIST, port = 0) {
  const server = await startServer(dir, port);
  return { server, url: `http://localhost:${server.address().port}/`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

export function tempDir(prefix = 'wayfinder-test-') { return mkdtempSync(join(tmpdir(), prefix)); }

// A browser with its own profile folder; relaunching on the same folder keeps IndexedDB, like a restart.
// `locale` is the browser's language (how it writes dates, for one), e.g. 'en-GB'; Chromium's own by default.
export async function launch({ profile = tempDir(), dpr = 1, width = 1280, height = 800, touch = false, locale } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width, height },
    deviceScaleFactor: dpr, acceptDownloads: true, hasTouch: touch, ...(locale ? { locale } : {}),
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // File choosers are caught from the start. Playwright turns catching on when the first listener is
  // added, without waiting: a click made at once (chooseFile on a page just opened) could open the
  // chooser before that, and it then never reached the test (3 of 15 first clicks on a fresh page
  // under load; 0 of 30 with this).
  page.on('filechooser', () => {});
  // Every request the page or its service worker makes, to prove nothing leaves the origin.
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const foreignRequests = (origin) => requests.filter((u) => !u.startsWith(origin) && !/^(blob|data):/.test(u));
  return { context, page, profile, errors, requests, foreignRequests, close: () => context.close() };
}

export function removeProfile(profile) { rmSync(profile, { recursive: true, force: true }); }

export async function openApp(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.wayfinderBoot && (window.wayfinderBoot.ready || window.wayfinderBoot.error),
    null, { timeout: 30000 });
  const error = await page.evaluate(() => window.wayfinderBoot.error);
  if (error) throw new Error('Wayfinder did not start: ' + error);
  await waitFor(page, (all) => all.some((i) => i.role === 'status'), 'the save indicator');
}

// One test's life: a server for dist/, a fresh browser profile, the app opened. Afterwards it checks
// what every test must hold (no script errors, no request leaving the origin) and cleans up.
export async function withApp(options, body) {
  const app = await sharedApp(options);
  let done = false;
  try {
    await body(app.page, app.browser, app.site);
    done = true;
  } finally {
    // After a failure, its own error is the one to report, not the checks'.
    await (done ? app.close() : app.close().catch(() => {}));
  }
}

// The visible widgets of the last drawn frame. Two interactive items with one id are one widget to
// ImGui (a click on either is taken by the first, and a key press can reach the other), so every
// read fails the test when it sees such a pair: the guard against label clashes on every page.
export async function items(page) { return checkedIds(await page.evaluate(() => window.wayfinder.items())); }

function checkedIds(all) {
  const seen = new Map();
  for (const item of all) {
    if (!item.id) continue;
    const other = seen.get(item.id);
    if (other) {
      const error = new Error(`two visible items share one id: ${other.role}:"${other.label}" and ${item.role}:"${item.label}"`);
      error.duplicateId = true;
      throw error;
    }
    seen.set(item.id, item);
  }
  return all;
}

// Polls the visible widgets until `test(items)` returns something truthy; fails with what was on screen.
// Only a settled frame counts (no frame still to draw): a page that has just opened can move its
// items once more as it lays out (a scrollbar appearing, a window fitting its content), and a click
// aimed at the position of such a frame would land beside its target.
export async function waitFor(page, test, what, timeout = 15000) {
  const start = Date.now();
  let last = [];
  for (;;) {
    const frame = await page.evaluate(() => ({ settled: window.wayfinder.settled(), all: window.wayfinder.items() }))
      .catch(() => ({ settled: false, all: [] }));
    last = checkedIds(frame.all);
    const found = (frame.settled || Date.now() - start > timeout) && test(last);
    if (found) return found;
    if (Date.now() - start > timeout) {
      throw new Error(`timed out waiting for ${what}; on screen: ${last.map((i) => `${i.role}:"${i.label}"`).join(', ')}`);
    }
    await page.waitForTimeout(50);
  }
}

export const byLabel = (label, role) => (all) => all.find((i) => i.label === label && (!role || i.role === role) && !i.disabled);
export const containing = (text, role) => (all) => all.find((i) => i.label.includes(text) && (!role || i.role === role));

export async function find(page, label, role) { return waitFor(page, byLabel(label, role), `"${label}"${role ? ' (' + role + ')' : ''}`); }

// Scrolls the page with the mouse wheel until an item passing `test` is on screen (as a person
// scrolls to reach a control below the fold), then returns it. An item half hidden under the top bar
// or the page's bottom edge is scrolled fully into view first, so a click on its middle lands on it.
// It searches downwards first; at an end of the page (two steps in a row that moved nothing: one
// alone may be a step the app had not yet drawn on a busy machine) it turns and searches the other
// way, so a control already scrolled past (a view that restored its scroll position) is found too.
export async function scrollTo(page, test, what, { step = 300, limit = 60 } = {}) {
  let direction = 1, last = '', still = 0, all = [];
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
  for (let i = 0; i < limit; i++) {
    all = await items(page);
    const found = test(all);
    let by = step * direction;
    if (found) {
      if (typeof found !== 'object' || !found.clipped) return found;
      by = (found.y < page.viewportSize().height / 2 ? -1 : 1) * (found.h + 60);
      still = 0;
    } else {
      const seen = JSON.stringify(all.map((item) => [item.label, item.y]));
      still = seen === last ? still + 1 : 0;
      last = seen;
      if (still >= 2) { direction = -direction; by = step * direction; still = 0; }
    }
    await wheelAndSettle(page, by);
  }
  throw new Error(`${what} not found after scrolling; on screen: ${all.map((i) => `${i.role}:"${i.label}"`).join(', ')}`);
}

// One wheel step at the middle of the page, then waits for the app to have drawn a frame after it
// (the step's frame) and to be settled.
export async function wheelAndSettle(page, by, x = 640, y = 400) {
  await page.mouse.move(x, y);
  const before = await page.evaluate(() => new Promise((resolve) => {
    const wait = () => (window.wayfinder.settled() ? resolve(window.wayfinder.frames()) : setTimeout(wait, 20));
    wait();
  }));
  await page.mouse.wheel(0, by);
  await page.waitForFunction((n) => window.wayfinder.frames() > n && window.wayfinder.settled(), before, { polling: 20, timeout: 5000 })
    .catch(() => {});   // a step the page never heard is seen as a step that moved nothing
}

// The Let's Talk steps, as the step files walk them: a step's heading, the page's top (the pointer
// at height `y`, kept where no canvas holding the keyboard would take the wheel), a new journey, and
// a step reached from its chip at the top.
export const stepHeading = (n) => (all) => all.find((i) => i.role === 'heading' && new RegExp(`^Step ${n}: `).test(i.label));
export async function toTop(page, y = 400) {
  await page.mouse.move(640, y);
  await page.mouse.wheel(0, -40000);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}
export async function scrollClick(page, test, what) { await clickItem(page, await scrollTo(page, test, what)); }
export async function startJourney(page) {
  await goTo(page, "Let's Talk");
  await click(page, 'Start a new journey', 'button');
  await waitFor(page, stepHeading(1), 'step 1');
}
export async function toStep(page, n, y = 400) {
  await toTop(page, y);
  await scrollClick(page, (all) => all.find((i) => i.role === 'button' && i.label.startsWith(`${n} `)), `the step ${n} chip`);
  await waitFor(page, stepHeading(n), `step ${n}`);
}

export async function clickItem(page, item) {
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}

export async function click(page, label, role) {
  const item = await find(page, label, role);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

// Clicks a text field, which opens the browser's own editor over it, and types like a person.
export async function typeInto(page, label, text, { replace = false } = {}) {
  await click(page, label);
  const editor = page.locator('#wf-editor');
  await editor.waitFor({ state: 'visible' });
  if (replace) await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await waitFor(page, (all) => all.find((i) => i.label === label && typeof i.value === 'string' && i.value.endsWith(text)),
    `"${label}" to show the typed text`);
}

// Presses `key` (Tab) until an item passing `test` holds keyboard focus, as a keyboard user moves.
export async function tabTo(page, test, what, key = 'Tab', limit = 80) {
  for (let i = 0; i < limit; i++) {
    const hit = test(await items(page));
    if (hit) return hit;
    await press(page, key);
  }
  throw new Error(`${what} was not reached with ${key}`);
}
// The item labelled `label` that holds keyboard focus (and passes `extra`).
export const focused = (label, extra = () => true) => (all) => all.find((i) => i.label === label && i.focused && extra(i));

// Presses a key and waits until the app has drawn the frames that show its effect.
export async function press(page, key) {
  const before = await page.evaluate(() => window.wayfinder.frames());
  await page.keyboard.press(key);
  await page.waitForFunction((n) => window.wayfinder.frames() > n && window.wayfinder.settled(), before, { polling: 20 });
}

export async function fieldValue(page, label) { return (await find(page, label)).value; }

export async function saveStatus(page) {
  const status = (await items(page)).find((i) => i.role === 'status' && /Saved|Saving|Not saved/.test(i.label));
  return status ? status.label : '';
}

export async function waitSaved(page) {
  await waitFor(page, (all) => all.some((i) => i.role === 'status' && i.label === 'Saved'), '"Saved"');
}

export async function goTo(page, pageName) {
  await click(page, pageName, 'tab');
  await waitFor(page, (all) => all.find((i) => i.role === 'tab' && i.label === pageName && i.selected), `the ${pageName} page to open`);
}

// A short assessment: the first area's statements all answered with `choice`, then finished.
export async function quickAssessment(page, choice, { grow = false } = {}) {
  await goTo(page, 'Self-assessment');
  await click(page, 'Start', 'button');
  await waitFor(page, (all) => all.find((i) => i.role === 'heading' && /^Area 1 of/.test(i.label)), 'the first area');
  const seen = new Set();
  for (;;) {
    const radio = (await items(page)).find((i) => i.role === 'radio' && i.label === choice && !seen.has(i.group));
    if (!radio) break;
    seen.add(radio.group);
    await clickItem(page, radio);
  }
  if (grow) await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'I want to grow here'), 'grow'));
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Finish and see results'), 'Finish'));
  await waitFor(page, (all) => all.some((i) => i.role === 'wedge'), 'the wheel');
}

// Rates every statement of the area on screen with `choice`, scrolling as a person does (at large
// text the statements run below the fold), marks it as a stretch, and finishes the assessment.
export async function rateOpenAreaAndFinish(page, choice) {
  const seen = new Set();
  for (;;) {
    const radio = (await items(page)).find((i) => i.role === 'radio' && i.label === choice && !seen.has(i.group) && !i.clipped);
    if (!radio) {
      const more = await scrollTo(page, (all) => all.find((i) => (i.role === 'radio' && i.label === choice && !seen.has(i.group)) ||
        i.label === 'I want to grow here'), 'a statement or the end of the area');
      if (more.label === 'I want to grow here' && !(await items(page)).some((i) => i.role === 'radio' && i.label === choice && !seen.has(i.group))) break;
      continue;
    }
    seen.add(radio.group);
    await clickItem(page, radio);
  }
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'I want to grow here'), 'grow'));
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Finish and see results'), 'Finish'));
}

// Clicks a button that downloads a file and returns the file's bytes and suggested name.
export async function download(page, buttonLabel) {
  const [file] = await Promise.all([page.waitForEvent('download'), click(page, buttonLabel, 'button')]);
  const { readFileSync } = await import('node:fs');
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

// Clicks a button that opens the browser's real file chooser, and picks `path` in it. When no chooser
// comes, the error says whether the app asked for one (a file input waiting in the page) and whether
// the browser still counted the click as the person's own (user activation).
export async function chooseFile(page, label, path) {
  const item = await find(page, label, 'button');
  const chooser = page.waitForEvent('filechooser').catch(() => null);
  await clickItem(page, item);
  const opened = await chooser;
  if (opened) return opened.setFiles(path);
  const state = await page.evaluate(() => ({
    waitingInputs: document.querySelectorAll('input[type=file]').length,
    userActivation: navigator.userActivation ? navigator.userActivation.isActive : 'unknown',
  }));
  throw new Error(`no file chooser after a click on "${label}" at ${item.x + item.w / 2},${item.y + item.h / 2}: ${JSON.stringify(state)}`);
}

// Opens a file through Data & settings' "Import a file…" button and the browser's real file chooser.
export async function importFile(page, path) {
  await goTo(page, 'Data & settings');
  await chooseFile(page, 'Import a file…', path);
}

// Polls IndexedDB until `test(documents)` holds (a plain poll from Node: an async predicate given to
// page.waitForFunction returns a promise, which is truthy at once, so such a wait could never fail).
export async function waitForStored(page, test, what, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    const docs = await storedDocuments(page);
    if (test(docs)) return docs;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what} in IndexedDB`);
    await page.waitForTimeout(100);
  }
}

// The documents exactly as stored in IndexedDB (key -> parsed document).
export async function storedDocuments(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('wayfinder');
    open.onsuccess = () => {
      const all = open.result.transaction('documents').objectStore('documents').getAll();
      all.onsuccess = () => {
        open.result.close();
        // A removed document keeps a record (its revision) with no text.
        resolve(Object.fromEntries(all.result.filter((r) => typeof r.text === 'string').map((r) => [r.key, JSON.parse(r.text)])));
      };
      all.onerror = () => reject(all.error);
    };
    open.onerror = () => reject(open.error);
  }));
}

// Text of every notice/alert on screen.
export async function alerts(page) {
  return (await items(page)).filter((i) => i.role === 'alert' || i.role === 'text').map((i) => i.label);
}

// [PNG] A small decoder for 8-bit, non-interlaced PNGs (Chromium screenshots, Wayfinder snapshots),
// so tests can check sizes, pixels and text chunks of real files.
import { inflateSync } from 'node:zlib';

export function decodePng(buffer) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buffer.subarray(0, 8).equals(signature)) throw new Error('not a PNG');
  let offset = 8, width = 0, height = 0, colorType = 0;
  const idat = [], text = {};
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') { width = data.readUInt32BE(0); height = data.readUInt32BE(4); colorType = data[9]; }
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'iTXt') {
      const keywordEnd = data.indexOf(0);
      const keyword = data.toString('latin1', 0, keywordEnd);
      const compressed = data[keywordEnd + 1] === 1;
      let p = data.indexOf(0, keywordEnd + 3) + 1;      // language tag
      p = data.indexOf(0, p) + 1;                         // translated keyword
      const body = data.subarray(p);
      text[keyword] = (compressed ? inflateSync(body) : body).toString('utf8');
    }
    offset += 12 + length;
  }
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!channels) throw new Error('unsupported PNG colour type ' + colorType);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
      let v = row[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      row[x] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) pixels[(y * width + x) * 4 + k] = row[x * channels + k];
      pixels[(y * width + x) * 4 + 3] = channels === 4 ? row[x * channels + 3] : 255;
    }
    previous = row;
  }
  return { width, height, pixels, text };
}

export function distinctColours(png) {
  const seen = new Set();
  for (let i = 0; i < png.pixels.length; i += 4) seen.add(png.pixels.readUInt32BE(i));
  return seen.size;
}

// The Chromium binary, for harnesses that start the browser themselves (kill_harness.mjs needs its pid).
export { CHROMIUM };

// [Maps] Sticky notes on a map canvas are recorded with role "note", their text as label and the
// region they are in; each region of the map has a "region" record at a free spot inside it.
export const mapNote = (label, extra = () => true) => (all) => all.find((i) => i.role === 'note' && i.label === label && extra(i));
export const mapRegion = (label) => (all) => all.find((i) => i.role === 'region' && i.label === label);
export const centre = (item) => ({ x: item.x + item.w / 2, y: item.y + item.h / 2 });

// Drags with the mouse from one point to another in small steps, as a hand does, then waits for the
// frames that show the drop.
export async function mouseDrag(page, from, to, steps = 15) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= steps; k++) await page.mouse.move(from.x + (to.x - from.x) * k / steps, from.y + (to.y - from.y) * k / steps);
  await page.mouse.up();
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}

// Two fingers on a touch screen, `from` CSS px apart around `at`, moved apart (or together) to `to`
// px in small steps (launch({touch: true})).
export async function pinch(page, at, from, to, steps = 10) {
  const cdp = await page.context().newCDPSession(page);
  const points = (d) => [{ x: at.x - d / 2, y: at.y, id: 1 }, { x: at.x + d / 2, y: at.y, id: 2 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let k = 1; k <= steps; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + (to - from) * k / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
}

// [One page for a file] One browser, site and page kept across a file's tests, for files whose tests
// can each start from where the last one left the app (a new journey, say): one start-up instead of
// one per test. `close()`, for the file's `after` hook, checks what withApp checks after every test
// (no script errors, no request leaving the origin) and cleans up.
export async function sharedApp(options = {}) {
  const site = await serve();
  const browser = await launch(options);
  const { default: assert } = await import('node:assert/strict');
  try {
    if (options.beforeOpen) await options.beforeOpen(browser.page, site);
    await openApp(browser.page, site.url);
  } catch (e) {
    await browser.close(); await site.close(); removeProfile(browser.profile);
    throw e;
  }
  return {
    page: browser.page, browser, site,
    async close() {
      try {
        assert.deepEqual(browser.errors, [], 'no script errors');
        assert.deepEqual(browser.foreignRequests(site.url.replace(/\/$/, '')), [], 'no request leaves the origin');
      } finally {
        await browser.close();
        await site.close();
        removeProfile(browser.profile);
      }
    },
  };
}

// The notes of every journey's Venn as stored in IndexedDB ({id, text, region, x, y, colour}).
export function storedVennNotes(docs) {
  return Object.values(docs).filter((d) => d.type === 'wayfinder.journey').flatMap((d) => (d.research && d.research.venn) || []);
}
