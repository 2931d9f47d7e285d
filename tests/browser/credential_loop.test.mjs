// The whole micro-credential loop (issue 12) as two librarians live it, each in their own browser
// profile: the candidate fills the parts, attaches a picture and a Let's Talk journey, sees the
// self-check name a missing piece, fixes it and submits; the reviewer opens the file in a fresh
// profile, marks one criterion "not yet" and exports the review; the candidate opens it, revises and
// resubmits; the reviewer marks it earned; the candidate downloads the badge. An independent verifier
// (jose, from npm) checks the signature baked into the badge against the reviewer's did:key, and a
// changed copy fails, both there and when dropped into Wayfinder. Each side reloads between steps.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, removeProfile, openApp, serve, ROOT, items, waitFor, clickItem, scrollTo, typeInto, goTo, chooseFile,
  tempDir, waitSaved, containing, download, decodePng } from './harness.mjs';
import { verifyBakedBadge, itxtChunks, withBakedText } from './open_badge_check.mjs';

const pack = JSON.parse(readFileSync(join(ROOT, 'assets/credentials/empowering-students-as-creators.json'), 'utf8'));
const { overview, reflection } = pack.submission;
const question = (part, n, q) => `${part} ${n}: ${q.text}`;
const tmp = tempDir('wayfinder-loop-');
const cleanup = [];
after(async () => { for (const c of cleanup.reverse()) await c(); rmSync(tmp, { recursive: true, force: true }); });

const byText = (text, role) => (all) => all.find((i) => i.label === text && (!role || i.role === role));
const status = (text) => byText(`Status: ${text}`, 'status');
const visible = (text, role = 'button') => (all) => all.find((i) => i.label === text && i.role === role && !i.disabled && !i.clipped);
async function scrollClick(page, text, role = 'button') { await clickItem(page, await scrollTo(page, visible(text, role), `"${text}"`)); }
async function scrollType(page, field, text) {
  await scrollTo(page, (all) => all.find((i) => i.label === field && !i.clipped), `the field "${field}"`);
  await typeInto(page, field, text);
  await page.keyboard.press('Escape');
}
async function reload(page) {
  await waitSaved(page);
  await openApp(page, page.url());
}
async function downloadVisible(page, text) {
  await scrollTo(page, visible(text), `"${text}"`);
  return download(page, text);
}
async function saveTo(name, file) { const path = join(tmp, name); writeFileSync(path, file.bytes); return path; }

async function person(url) {
  const profile = tempDir('wayfinder-loop-profile-');
  const session = await launch({ profile, height: 900 });
  cleanup.push(async () => { await session.close(); removeProfile(profile); });
  await openApp(session.page, url);
  return session.page;
}

// The reviewer marks every criterion: `notYet` names the one that is not met yet.
async function markAll(page, notYet) {
  const marked = new Set();
  for (;;) {
    const next = await scrollTo(page, (all) => all.find((i) => i.role === 'radio' && i.label === (i.group === notYet ? 'Not yet' : 'Meets') &&
      i.group !== 'Decision' && !marked.has(i.group) && !i.clipped) || all.find((i) => i.label === 'Overall feedback' && !i.clipped),
      'a criterion still to mark');
    if (next.label === 'Overall feedback') break;
    marked.add(next.group);
    await clickItem(page, next);
  }
  assert.equal(marked.size, pack.rubric.length, 'every criterion marked');
}

test('a candidate earns the micro-credential through a peer review, with a badge anyone can verify, in two browser profiles', async () => {
  const site = await serve();
  cleanup.push(() => site.close());
  const candidate = await person(site.url);

  // --- the candidate: a journey to attach, then the three parts
  await goTo(candidate, "Let's Talk");
  await scrollClick(candidate, 'Start a new journey');
  await goTo(candidate, 'Micro-credential');
  await scrollClick(candidate, 'Start the micro-credential');
  await waitFor(candidate, status('Not started'), 'the status Not started');
  await scrollType(candidate, question('Overview', 1, overview[0]), 'Fourth graders plan, record and publish a podcast about our town.');
  await waitFor(candidate, byText(`Overview 1: 11 of ${overview[0].word_limit} words`, 'status'), 'the live word count');
  await scrollType(candidate, question('Overview', 2, overview[1]), 'Grades 3 to 5, with a maker corner and a green screen.');
  for (const [i, q] of reflection.entries()) await scrollType(candidate, question('Reflection', i + 1, q), 'Students chose their audience and tested their work.');
  await scrollClick(candidate, 'Add text to Evidence 1');
  await scrollType(candidate, 'Evidence text', 'Podcast unit: purpose, audience, storyboard, record, test, publish.');
  await scrollClick(candidate, 'Add this text');
  await scrollClick(candidate, 'Add text to Evidence 3');
  await scrollType(candidate, 'Evidence text', 'Two tablets, a microphone and a sign-up sheet every class can use.');
  await scrollClick(candidate, 'Add this text');

  // A picture of student work, chosen as a file (a real PNG: a screenshot of the page itself).
  const picture = join(tmp, 'stop-motion-set.png');
  writeFileSync(picture, await candidate.screenshot({ clip: { x: 0, y: 0, width: 640, height: 400 } }));
  await scrollClick(candidate, 'Add a picture to Evidence 2');
  await scrollType(candidate, 'Caption (optional)', 'Our stop-motion set');
  await scrollTo(candidate, visible('Choose a picture…'), 'the picture chooser');
  await chooseFile(candidate, 'Choose a picture…', picture);
  const shown = await scrollTo(candidate, (all) => all.find((i) => i.role === 'image' && i.label === 'Our stop-motion set' && i.value === 'shown'),
    'the picture shown in Evidence 2');
  assert.ok(shown.w > 0 && shown.h > 0);

  // Evidence 4 is still empty: the self-check names it, and Submit waits.
  await scrollTo(candidate, byText('• Evidence 4, working with others, has nothing attached yet.'), 'the self-check naming Evidence 4');
  assert.ok((await scrollTo(candidate, byText('Submit for review', 'button'), 'Submit')).disabled, 'Submit waits for the self-check');
  await scrollClick(candidate, 'Attach a Wayfinder item to Evidence 4');
  await clickItem(candidate, await scrollTo(candidate, containing("Attach Let's Talk journey: ", 'button'), 'the journey'));
  await scrollTo(candidate, status('Ready to submit'), 'the status Ready to submit');
  await scrollType(candidate, 'Your name, as the reviewer and the badge will read it', 'Ana Pérez');
  await reload(candidate);
  await goTo(candidate, 'Micro-credential');
  await waitFor(candidate, status('Ready to submit'), 'Ready to submit after a reload');
  await scrollTo(candidate, (all) => all.find((i) => i.role === 'image' && i.label === 'Our stop-motion set' && i.value === 'shown'),
    'the picture after a reload');
  const [round1] = await Promise.all([candidate.waitForEvent('download'), scrollClick(candidate, 'Submit for review')]);
  const submission1 = join(tmp, 'submission-1.json');
  await round1.saveAs(submission1);
  const sent1 = JSON.parse(readFileSync(submission1, 'utf8'));
  assert.equal(sent1.content.round, 1);
  assert.equal(sent1.content.evidence['evidence-student-work'][0].kind, 'image');
  assert.equal(sent1.content.evidence['evidence-collaboration'][0].kind, 'item');

  // --- the reviewer, in a fresh profile: round 1, one criterion not yet
  const reviewer = await person(site.url);
  await goTo(reviewer, 'Reviews');
  await chooseFile(reviewer, 'Open a submission file…', submission1);
  await waitFor(reviewer, (all) => all.find((i) => i.role === 'heading' && i.label.startsWith('Criterion 1 of')), 'the review');
  await scrollTo(reviewer, (all) => all.find((i) => i.role === 'image' && i.label === 'Our stop-motion set' && i.value === 'shown'),
    "the candidate's picture");
  await scrollType(reviewer, 'Your name as reviewer', 'Jo Lee');
  await reload(reviewer);
  await goTo(reviewer, 'Reviews');
  await scrollClick(reviewer, 'Continue the review');
  await markAll(reviewer, "Students' own creations");
  const commentLabel = `Your comment on "Students' own creations"`;
  await scrollType(reviewer, commentLabel, 'Add a sample from another grade.');
  await scrollType(reviewer, 'Overall feedback', 'A lively program; one more sample and it is there.');
  await clickItem(reviewer, await scrollTo(reviewer, (all) => all.find((i) => i.role === 'radio' && i.group === 'Decision' && i.label === 'Not yet'), 'Not yet'));
  const review1 = JSON.parse((await downloadVisible(reviewer, 'Export review')).bytes.toString('utf8'));
  assert.equal(review1.decision, 'not-yet');
  const review1Path = join(tmp, 'review-1.json');
  writeFileSync(review1Path, JSON.stringify(review1));

  // --- the candidate: the feedback, a revision, round 2
  await reload(candidate);
  await goTo(candidate, 'Micro-credential');
  await chooseFile(candidate, 'Open the review file…', review1Path);
  await waitFor(candidate, status('Not yet'), 'the status Not yet');
  await scrollTo(candidate, byText(`Reviewer on "Students' own creations": not yet. Add a sample from another grade.`, 'status'),
    'the feedback beside the student work');
  await scrollClick(candidate, 'Add text to Evidence 2');
  await scrollType(candidate, 'Evidence text', 'Grade 2 stop-motion story, told without faces.');
  await scrollClick(candidate, 'Add this text');
  await scrollType(candidate, 'What changed since the last round', 'Added a grade 2 sample.');
  await reload(candidate);
  await goTo(candidate, 'Micro-credential');
  const [round2] = await Promise.all([candidate.waitForEvent('download'), scrollClick(candidate, 'Resubmit for review')]);
  const submission2 = join(tmp, 'submission-2.json');
  await round2.saveAs(submission2);
  assert.equal(JSON.parse(readFileSync(submission2, 'utf8')).content.round, 2);

  // --- the reviewer: round 2, every criterion met, earned and signed
  await reload(reviewer);
  await goTo(reviewer, 'Reviews');
  if (!(await items(reviewer)).some((i) => i.label === 'Open a submission file…')) await scrollClick(reviewer, 'Back to your reviews');
  await chooseFile(reviewer, 'Open a submission file…', submission2);
  await waitFor(reviewer, (all) => all.find((i) => i.role === 'text' && /round 2/.test(i.label)), 'the second round');
  await reload(reviewer);
  await goTo(reviewer, 'Reviews');
  await scrollClick(reviewer, 'Continue the review');
  await waitFor(reviewer, (all) => all.find((i) => i.role === 'text' && /round 2/.test(i.label)), 'the second round after a reload');
  if (!(await scrollTo(reviewer, byText('Your name as reviewer'), 'the name')).value) await scrollType(reviewer, 'Your name as reviewer', 'Jo Lee');
  await markAll(reviewer, null);
  await clickItem(reviewer, await scrollTo(reviewer, (all) => all.find((i) => i.role === 'radio' && i.group === 'Decision' && i.label === 'Earned' && !i.disabled), 'Earned'));
  const review2 = JSON.parse((await downloadVisible(reviewer, 'Export review')).bytes.toString('utf8'));
  assert.equal(review2.decision, 'earned');
  assert.match(review2.signed_credential, /^[\w-]+\.[\w-]+\.[\w-]+$/, 'the review carries a compact JWS');
  const review2Path = join(tmp, 'review-2.json');
  writeFileSync(review2Path, JSON.stringify(review2));

  // --- the candidate: earned, and the badge
  await reload(candidate);
  await goTo(candidate, 'Micro-credential');
  await chooseFile(candidate, 'Open the review file…', review2Path);
  await waitFor(candidate, status('Earned'), 'the status Earned');
  await reload(candidate);
  await goTo(candidate, 'Home');
  await scrollTo(candidate, byText('Micro-credential status: Earned', 'status'), 'Earned on Home');
  await goTo(candidate, 'Micro-credential');
  await clickItem(candidate, await scrollTo(candidate, (all) => all.find((i) => i.role === 'radio' && i.label === '3x' && !i.clipped), '3x'));
  const badge = await downloadVisible(candidate, 'Download badge');
  assert.match(badge.name, /\.png$/);
  const png = decodePng(badge.bytes);
  assert.equal(png.width, 1200, 'drawn at 3x');
  const baked = itxtChunks(badge.bytes).filter((c) => c.keyword === 'openbadgecredential');
  assert.equal(baked.length, 1, 'exactly one openbadgecredential chunk');
  assert.equal(baked[0].compressed, false, 'not compressed');

  // The independent verifier: jose, with the key from the issuer's did:key.
  const { header, payload } = await verifyBakedBadge(badge.bytes);
  assert.equal(header.alg, 'EdDSA');
  const issuerId = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer.id;
  assert.equal(issuerId, header.kid.split('#')[0], 'the issuer is the did:key that signed it');
  assert.equal(payload.iss, issuerId);
  assert.equal(payload.credentialSubject.achievement.name, pack.title);
  // The evidence names the reviewed submission by its SHA-256 (a "ni" URI: the digest in base64url).
  const digest = Buffer.from(JSON.parse(readFileSync(submission2, 'utf8')).hash, 'hex').toString('base64url');
  assert.ok(payload.evidence.some((e) => e.id === `ni:///sha-256;${digest}`), "the submission's hash is the evidence");

  // A changed copy, as someone would change it: another earner's name in the signed credential, the
  // signature left as it was, the PNG otherwise intact.
  const [head, body, signature] = baked[0].text.split('.');
  const forged = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  forged.credentialSubject.identifier[0].identityHash = 'Someone Else';
  const changed = withBakedText(badge.bytes, [head, Buffer.from(JSON.stringify(forged)).toString('base64url'), signature].join('.'));
  assert.equal(itxtChunks(changed).filter((c) => c.keyword === 'openbadgecredential').length, 1);
  await assert.rejects(verifyBakedBadge(changed), 'jose refuses the changed badge');

  // Dropped into Wayfinder: the intact badge says so, and the changed one says it was altered.
  const badgePath = await saveTo('badge.png', badge);
  const changedPath = join(tmp, 'changed-badge.png');
  writeFileSync(changedPath, changed);
  for (const [path, verdict] of [[badgePath, 'Intact: unchanged since it was signed'], [changedPath, 'Altered: changed after it was signed']]) {
    await dropFile(reviewer, path);
    await waitFor(reviewer, byText(verdict, 'status'), verdict);
    await reviewer.keyboard.press('Escape');
  }
});

async function dropFile(page, path) {
  const bytes = [...readFileSync(path)];
  const name = path.split('/').pop();
  await page.evaluate(({ bytes, name }) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
    const canvas = document.getElementById('wayfinder-canvas');
    canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { bytes, name });
}
