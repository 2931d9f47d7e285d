// Killed mid-write, nothing acknowledged is lost: trials that SIGKILL the whole browser at random
// moments while a librarian types on Home, start it again on the same profile, and check that every
// edit that showed "Saved" is there, that the app starts cleanly, and that what is stored is a whole
// state the profile really had (a write in flight at the kill is whole or absent, never torn).
// Used by tests/browser/kill.test.mjs (a few trials) and bench/kill_trials.mjs (a hundred).
//
// [SECTION] A browser that can be killed
// [SECTION] What the profile held, what is stored, what is shown
// [SECTION] A librarian typing on Home
// [SECTION] One trial, and a run of them
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, openApp, find, tempDir, removeProfile } from './harness.mjs';

// [SECTION] A browser that can be killed -------------------------------------------------------------
// launchPersistentContext hides the browser's pid, so Chromium is started here, detached into a
// process group of its own, and Playwright attaches over the DevTools protocol. Every Chromium
// process (browser, zygotes, renderer, GPU, network and storage services) stays in that group, so one
// SIGKILL to the group ends them all at once: no process gets to finish a write or flush a file.
// Only the crash reporter (chrome_crashpad_handler) runs in a session of its own; it holds nothing
// of the profile and exits by itself as soon as the browser is gone (checked).

export async function launchKillable(profile, { width = 1280, height = 800 } = {}) {
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`, 'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  running.groups.add(child.pid);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => { running.groups.delete(child.pid); resolve(signal || code); }));
  // Chromium logs to stderr for its whole life: the pipe is read to the end, or a full pipe would block it.
  let log = '';
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Chromium did not open its DevTools port in 30 s:\n' + log)), 30000);
    child.stderr.on('data', (chunk) => {
      if (log.length < 20000) log += chunk;
      const m = log.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    exited.then((how) => { clearTimeout(timer); reject(new Error(`Chromium exited (${how}) before it could be driven:\n${log}`)); });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] || await context.newPage();
  await page.setViewportSize({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const disconnected = new Promise((resolve) => browser.once('disconnected', resolve));

  return {
    pid: child.pid, browser, context, page, errors, profile,
    // SIGKILL to the whole group, then wait until no process of it is left alive, so the next
    // launch on this profile meets exactly what the kill left on disk.
    async kill() {
      try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { if (e.code !== 'ESRCH') throw e; }
      await exited;
      await waitUntil(() => livingInGroup(child.pid).length === 0, 10000, `the processes of group ${child.pid} to end`);
      await disconnected;
    },
  };
}

// A browser in its own process group is out of reach of a Ctrl+C, or a test runner's SIGTERM, sent to
// this one: whatever is still running, and its profile, goes when this process ends.
const running = { groups: new Set(), profiles: new Set() };
function endRunning() {
  for (const pgid of running.groups) try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
  for (const profile of running.profiles) removeProfile(profile);
}
process.on('exit', endRunning);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => { endRunning(); process.kill(process.pid, signal); });

// Processes of a process group that are still running. A killed renderer whose parent died first
// lingers as a zombie until init reaps it: it holds no files, so it counts as gone.
function livingInGroup(pgid) {
  const living = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') living.push(Number(pid));
    } catch { /* it ended while being read */ }
  }
  return living;
}

async function waitUntil(test, timeout, what) {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// [SECTION] What the profile held, what is stored, what is shown -------------------------------------
// The five Home fields, by their label on screen and their name in the stored "profile" document.
export const FIELDS = [['Your name', 'name'], ['Your role', 'role'], ['School', 'school'], ['District', 'district'],
  ['What you want to focus on', 'focus']];
const FIELD_MAX = { focus: 200 };    // a longer text is replaced, not extended (the four short fields take 120)
const SHORT_MAX = 110;

const sameState = (a, b) => FIELDS.every(([, key]) => a[key] === b[key]);
const showState = (s) => FIELDS.map(([, key]) => `${key}=${JSON.stringify(s[key])}`).join(' ');

// Every state the profile passed through in one trial, in order: the state it started from, then one
// per keystroke (recorded before the key is sent, so a frame can never show a state not yet listed).
// `acked` is the newest state a frame showing "Saved" displayed: it, or a later state, must survive.
class Timeline {
  constructor(start) { this.states = [start]; this.acked = 0; this.ackedAt = [0]; this.edits = []; }
  get now() { return this.states[this.states.length - 1]; }
  push(state) { this.states.push(state); return this.states.length - 1; }
  // A settled frame showed "Saved" with these values: they are durable, by the app's promise.
  acknowledge(shown) {
    for (let i = this.states.length - 1; i >= this.acked; i--) {
      if (sameState(this.states[i], shown)) { this.acked = i; this.ackedAt.push(i); return; }
    }
    // Anything else would be text nobody typed, or a state older than one already shown as saved.
    throw new Error(`a frame showed "Saved" with ${showState(shown)}, which is not a state at or after the last one acknowledged`);
  }
  // Where a state found after the restart sits: the latest index holding it, or -1.
  indexOf(state) {
    for (let i = this.states.length - 1; i >= 0; i--) if (sameState(this.states[i], state)) return i;
    return -1;
  }
  // Edits whose whole text was in a state shown as saved.
  acknowledgedEdits() {
    return this.edits.filter((e) => e.end !== null && this.ackedAt.some((i) => i >= e.end && this.states[i][e.key].includes(e.text)));
  }
}

// The records exactly as IndexedDB holds them, text unparsed, so that a torn or garbled record is
// reported as such rather than thrown while reading.
export async function storedRecords(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('wayfinder');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('documents').objectStore('documents').getAll();
      all.onsuccess = () => { open.result.close(); resolve(all.result); };
      all.onerror = () => reject(all.error);
    };
  }));
}

// One frame's view of the app: whether it is settled (no frame pending, so items() is what is on
// screen), the save indicator, the alerts, and the five fields' values.
async function glance(page) {
  const seen = await page.evaluate(() => ({ settled: window.wayfinder.settled(), items: window.wayfinder.items() }));
  const state = {};
  for (const [label, key] of FIELDS) {
    const item = seen.items.find((i) => i.label === label && typeof i.value === 'string');
    state[key] = item ? item.value : undefined;
  }
  const status = seen.items.find((i) => i.role === 'status' && /Saved|Saving|Not saved/.test(i.label));
  return { settled: seen.settled, status: status ? status.label : '', alerts: seen.items.filter((i) => i.role === 'alert').map((i) => i.label), state };
}

// [SECTION] A librarian typing on Home ----------------------------------------------------------------
// Edits are short texts with a marker unique to the run (`#trial.edit`), typed key by key with a
// person's uneven rhythm and now and then a pause long enough for the autosave to write mid-edit.
// A field is extended, or, when it would grow past its length, selected and typed over.
const WORDS = ['Núñez', 'café', 'reading', '“maker”', 'library', 'Ōtautahi', 'grade 5', 'sprint', 'Zoë', 'inquiry'];

// A small seeded generator (mulberry32): a run's plan (fields, texts, rhythm, kill moments) is
// reproducible from its seed; only the browser's own timing varies.
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);        // 0 .. n-1
  next.between = (lo, hi) => lo + next() * (hi - lo);
  next.pick = (list) => list[next.int(list.length)];
  return next;
}

class Librarian {
  constructor(page, timeline, rng) { Object.assign(this, { page, timeline, rng, status: '', lastKeyAt: 0 }); }

  // Looks at the screen; a settled frame showing "Saved" acknowledges the values it shows.
  async look() {
    const seen = await glance(this.page);
    this.status = seen.status;
    if (seen.settled && seen.status === 'Saved') this.timeline.acknowledge(seen.state);
    return seen;
  }

  async pause(ms) {
    const end = Date.now() + ms;
    do { await this.look(); await sleep(30); } while (Date.now() < end);
  }

  async untilSaved(timeout = 10000) {
    const end = Date.now() + timeout;
    for (;;) {
      const seen = await this.look();
      if (seen.settled && seen.status === 'Saved') return;
      if (Date.now() > end) throw new Error(`"Saved" did not appear within ${timeout} ms (shown: "${seen.status}")`);
      await sleep(30);
    }
  }

  // Types one edit into a field. With `killAt` (0..1, how far into the text), calls `kill` while
  // that key is being typed. The last key is followed by no long pause, so the autosave's write of
  // the whole edit comes after edit() returns.
  async edit(tag, { killAt = null, kill } = {}) {
    const { page, timeline, rng } = this;
    const [label, key] = rng.pick(FIELDS);
    const field = await find(page, label);
    await page.mouse.click(field.x + field.w / 2, field.y + field.h / 2);
    await page.locator('#wf-editor').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+End');   // a click into an open editor puts the caret where it lands
    const before = timeline.now[key];
    const shown = (await this.look()).state[key];
    if (shown !== before) throw new Error(`"${label}" shows ${JSON.stringify(shown)}, expected ${JSON.stringify(before)}`);
    const word = `${rng.pick(WORDS)}#${tag}`;
    const replace = before.length + word.length + 1 > (FIELD_MAX[key] || SHORT_MAX);
    const text = replace || before === '' ? word : ' ' + word;
    if (replace) await page.keyboard.press('Control+A');
    const killAtKey = killAt === null ? -1 : Math.floor(killAt * text.length);
    const edit = { field: label, key, text: word, end: null };
    timeline.edits.push(edit);
    for (let i = 0; i < text.length; i++) {
      timeline.push({ ...timeline.now, [key]: (replace ? '' : before) + text.slice(0, i + 1) });
      const typed = page.keyboard.type(text[i]);
      if (i === killAtKey) {
        typed.catch(() => {});                     // the kill closes the page under it
        await sleep(rng.between(0, 30));           // the key may or may not have reached the page
        await kill();
        return;
      }
      await typed;
      this.lastKeyAt = Date.now();
      await this.look();
      if (i < text.length - 1 && rng() < 0.06) await this.pause(rng.between(1100, 1700));   // past the autosave's 1 s quiet time
      else await sleep(rng.between(10, 120));
    }
    edit.end = timeline.states.length - 1;
  }
}

// [SECTION] One trial, and a run of them --------------------------------------------------------------
// Where a trial's kill lands, in turn: between two keys of an edit; while "Saving…" is shown after
// an edit (the autosave's quiet second); around the moment the autosave writes the edit (from 10 ms
// before to 40 ms after it is due), so before the write starts, while it is in flight, or just after
// its commit; idle, a moment after "Saved".
export const KILL_MOMENTS = ['typing', 'saving', 'write', 'idle'];
const AUTOSAVE_QUIET_MS = 1000;      // the autosave writes this long after the last change (src/core/autosave.hpp)

// Tells Node of each put of the profile record, so that a record found after the restart with the
// revision of the write in flight can be compared byte for byte with the one that was written.
function reportProfileWrites() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (record, ...rest) {
    if (this.name === 'documents' && record && record.key === 'profile') window.__killTrialWrite(record.revision, String(record.text));
    return put.call(this, record, ...rest);
  };
}

// Starts the app on the profile a kill left behind and checks it against the trial's timeline.
async function checkRestart(b, site, timeline, inFlight) {
  const result = { problems: [], state: null, lost: 0, recovered: null, inFlight: null, putSeen: false, restartMs: 0 };
  const problem = (text) => result.problems.push(text);
  const started = Date.now();
  try {
    await openApp(b.page, site.url);
  } catch (e) {
    problem(`the app did not start: ${e.message}`);
    return result;
  }
  let seen = await glance(b.page);
  for (const end = Date.now() + 5000; !(seen.settled && seen.status === 'Saved') && Date.now() < end; seen = await glance(b.page)) await sleep(50);
  result.restartMs = Date.now() - started;
  if (seen.status !== 'Saved') problem(`after the restart the save indicator shows "${seen.status}", not "Saved"`);
  if (seen.alerts.length) problem(`after the restart the app shows: ${seen.alerts.join(' | ')}`);
  if (b.errors.length) problem(`script errors after the restart: ${b.errors.join(' | ')}`);
  if (FIELDS.some(([, key]) => seen.state[key] === undefined)) problem(`Home's fields are not all on screen: ${showState(seen.state)}`);

  // Every record is whole JSON; the profile's five fields are what the app shows.
  const records = await storedRecords(b.page);
  let profileRecord = null, stored = Object.fromEntries(FIELDS.map(([, key]) => [key, '']));
  for (const record of records) {
    if (record.key === 'profile') profileRecord = record;
    if (record.removed && record.text === null) continue;   // a removed document keeps its revision, no text
    let doc;
    try { doc = JSON.parse(record.text); } catch { doc = undefined; }
    if (!doc || typeof doc !== 'object') { problem(`IndexedDB record "${record.key}" is not a JSON document: ${String(record.text).slice(0, 200)}`); continue; }
    if (record.key !== 'profile') continue;
    for (const [, key] of FIELDS) {
      if (doc[key] === undefined) continue;
      if (typeof doc[key] !== 'string') problem(`the stored profile's "${key}" is not text: ${JSON.stringify(doc[key])}`);
      else stored[key] = doc[key];
    }
  }
  if (!sameState(stored, seen.state)) problem(`the app shows ${showState(seen.state)} but IndexedDB holds ${showState(stored)}`);

  // What is stored must be a state the profile really had, no older than the last one shown as saved.
  const at = timeline.indexOf(stored);
  const acknowledged = timeline.acknowledgedEdits();
  if (at < 0) {
    problem(`IndexedDB holds a profile that was never typed (torn or mixed): ${showState(stored)}`);
    result.lost = Math.max(1, acknowledged.length);
  } else if (at < timeline.acked) {
    const lost = acknowledged.filter((e) => e.end > at);
    result.lost = Math.max(1, lost.length);   // at least the acknowledged part of an edit
    problem(`an edit that showed "Saved" is gone: the restart found ${showState(stored)} (state ${at}); ` +
      `"Saved" had shown ${showState(timeline.states[timeline.acked])} (state ${timeline.acked}); ` +
      `lost edits: ${lost.map((e) => `${e.field} "${e.text}"`).join(', ') || '(a part of an edit)'}`);
  }
  result.recovered = at < 0 ? 'unknown' : at === timeline.states.length - 1 ? 'the last state typed'
    : at === timeline.acked ? 'the last state shown as saved' : 'a later state, not yet shown as saved';

  // The write due at the kill is either whole (the edit's last state, and the record exactly as it
  // was put, when the put was seen) or absent (an earlier state); the checks above rule out the rest.
  if (inFlight && at >= 0) {
    result.inFlight = at === inFlight.state ? 'whole' : 'absent';
    result.putSeen = Boolean(inFlight.put);
    const revision = profileRecord ? profileRecord.revision : 0;
    if (inFlight.put && revision === inFlight.put.revision && profileRecord.text !== inFlight.put.text) {
      problem(`the profile write in flight (revision ${revision}) was stored, but not as it was written: ${String(profileRecord.text).slice(0, 200)}`);
    }
    if (inFlight.put && revision > inFlight.put.revision) problem(`the stored profile has revision ${revision}, newer than the write in flight at the kill (${inFlight.put.revision})`);
  }
  result.state = seen.state;
  return result;
}

// Types, and kills the browser at the trial's moment. Returns what the restart should know.
async function typeAndKill(b, timeline, rng, tag, moment, writes) {
  const librarian = new Librarian(b.page, timeline, rng);
  const outcome = { killedWhile: null, inFlight: null, typedEdits: 0 };
  const kill = async () => { outcome.killedWhile = librarian.status; await b.kill(); };
  await librarian.untilSaved();
  const before = 1 + rng.int(3);                  // edits before the one the kill is aimed at
  for (let n = 0; n < before; n++) {
    await librarian.edit(`${tag}.${n}`);
    outcome.typedEdits++;
    if (rng() < 0.5) await librarian.untilSaved();
    else await librarian.pause(rng.between(100, 600));
  }
  const last = `${tag}.${before}`;
  if (moment === 'typing') {
    await librarian.edit(last, { killAt: rng(), kill });
    return outcome;
  }
  await librarian.edit(last);
  outcome.typedEdits++;
  if (moment === 'saving') await librarian.pause(rng.between(0, 800));
  else if (moment === 'idle') { await librarian.untilSaved(); await librarian.pause(rng.between(0, 800)); }
  else if (moment === 'write') {
    const inFlight = outcome.inFlight = { state: timeline.states.length - 1, put: null };
    writes.next = (put) => { inFlight.put = put; };
    await sleep(librarian.lastKeyAt + AUTOSAVE_QUIET_MS + rng.between(-10, 40) - Date.now());
  }
  await kill();
  return outcome;
}

// Runs `trials` kill-and-restart trials on one profile (damage would accumulate), then one last
// start to check the last kill. Returns one result per trial; `onTrial` hears each as it is checked.
export async function runKillTrials({ trials, seed, site, onTrial = () => {} }) {
  const rng = random(seed);
  const profile = tempDir('wayfinder-kill-');
  running.profiles.add(profile);
  const results = [];
  let timeline = new Timeline(Object.fromEntries(FIELDS.map(([, key]) => [key, ''])));
  let trial = null;                                // the trial whose kill the next start checks
  try {
    for (let i = 0; i <= trials; i++) {
      const b = await launchKillable(profile);
      try {
        const writes = { next: null };
        await b.context.exposeFunction('__killTrialWrite', (revision, text) => {
          const take = writes.next;
          writes.next = null;
          if (take) take({ revision, text });
        });
        await b.context.addInitScript(reportProfileWrites);
        const check = await checkRestart(b, site, timeline, trial && trial.inFlight);
        if (trial) {
          const { state, problems, ...found } = check;
          Object.assign(trial, found, { acknowledged: timeline.acknowledgedEdits().length });
          trial.problems.push(...problems);
          results.push(trial);
          onTrial(trial);
        } else if (check.problems.length) throw new Error(`the first start on a new profile failed: ${check.problems.join('; ')}`);
        if (!check.state || i === trials) break;
        timeline = new Timeline(check.state);
        const moment = KILL_MOMENTS[i % KILL_MOMENTS.length];
        trial = { trial: i + 1, moment, problems: [] };
        try {
          Object.assign(trial, await typeAndKill(b, timeline, rng, String(i + 1), moment, writes));
        } catch (e) {
          trial.problems.push(`the trial could not type as planned: ${e.message}`);
        }
        if (b.errors.length) trial.problems.push(`script errors while typing: ${b.errors.join(' | ')}`);
      } finally {
        await b.kill();
      }
    }
  } finally {
    removeProfile(profile);
    running.profiles.delete(profile);
  }
  return results;
}
