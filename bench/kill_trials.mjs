// Killed mid-write, nothing acknowledged is lost: 100 trials that SIGKILL the whole browser while a
// librarian types on Home and start it again on the same profile (tests/browser/kill_harness.mjs
// says how). A benchmark section, not a test: it prints what happened and never fails the run.
// Part of `./wayfinder bench`; alone: `node bench/kill_trials.mjs [trials]`
// (WAYFINDER_KILL_SEED=n replays a run's plan; the seed is printed).
import { pathToFileURL } from 'node:url';
import { serve } from '../tests/browser/harness.mjs';
import { runKillTrials, KILL_MOMENTS } from '../tests/browser/kill_harness.mjs';

const MOMENT_NAMES = { typing: 'between two keys', saving: 'while "Saving…" shows', write: 'as the write is due', idle: 'idle after "Saved"' };

// Runs the trials against the site being served and prints one table and the summary line.
// Returns the totals, for the benchmark's summary.
export async function killTrials(site, { trials = 100, seed = Number(process.env.WAYFINDER_KILL_SEED) || Date.now() % 1000000 } = {}) {
  const started = Date.now();
  let done = 0;
  const results = await runKillTrials({ trials, seed, site, onTrial: (t) => {
    done++;
    if (t.problems.length) console.log(`  trial ${t.trial} (${MOMENT_NAMES[t.moment]}): ${t.problems.join('\n    ')}`);
    else if (process.stdout.isTTY) process.stdout.write(`  ${done}/${trials}\r`);
  } });
  const seconds = (Date.now() - started) / 1000;

  const rows = [['kill moment', 'trials', 'edits typed', 'acknowledged', 'lost', 'screen at kill (Saving… / Saved)', 'edit stored: whole / absent', 'problems']];
  const sum = (list, f) => list.reduce((n, t) => n + f(t), 0);
  for (const moment of KILL_MOMENTS) {
    const of = results.filter((t) => t.moment === moment);
    rows.push([MOMENT_NAMES[moment], of.length, sum(of, (t) => t.typedEdits || 0), sum(of, (t) => t.acknowledged), sum(of, (t) => t.lost),
      `${of.filter((t) => t.killedWhile === 'Saving…').length} / ${of.filter((t) => t.killedWhile === 'Saved').length}`,
      moment === 'write' ? `${of.filter((t) => t.inFlight === 'whole').length} / ${of.filter((t) => t.inFlight === 'absent').length}` : '',
      sum(of, (t) => t.problems.length)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  console.log(rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')).join('\n'));

  const acknowledged = sum(results, (t) => t.acknowledged), lost = sum(results, (t) => t.lost);
  const problems = sum(results, (t) => t.problems.length);
  const restarts = results.map((t) => t.restartMs).sort((a, b) => a - b);
  const aimed = results.filter((t) => t.moment === 'write');
  console.log(`  Kills aimed at the write (10 ms before to 40 ms after it was due): the app had handed the record to IndexedDB`);
  const whole = aimed.every((t) => !t.problems.length && (t.inFlight === 'whole' || t.inFlight === 'absent'));
  console.log(`  before ${aimed.filter((t) => t.putSeen).length} of ${aimed.length}; ${whole ? 'each restart held the edit whole or not at all, never part of it' : 'see the problems above'}.`);
  const recovered = {};
  for (const t of results) recovered[t.recovered] = (recovered[t.recovered] || 0) + 1;
  console.log(`  After each restart IndexedDB held: ${Object.entries(recovered).map(([what, n]) => `${what} ×${n}`).join(', ')}.`);
  console.log(`  Restart to "Saved" on screen (launch not included): median ${restarts[Math.floor(restarts.length / 2)]} ms, max ${restarts[restarts.length - 1]} ms.`);
  console.log(`  Seed ${seed}; ${problems ? `${problems} problems (listed above)` : 'no other problem: every restart was clean, every record whole'}.`);
  console.log(`  kill trials: ${results.length}, acknowledged edits: ${acknowledged}, lost: ${lost} (took ${seconds.toFixed(0)} s)`);
  return { trials: results.length, acknowledged, lost, problems, seconds };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const site = await serve();
  try {
    const trials = Number(process.argv[2]) || 100;
    console.log(`Killed mid-write: ${trials} trials, SIGKILL to every Chromium process, restart on the same profile`);
    await killTrials(site, { trials });
  } finally {
    await site.close();
  }
}
