// The micro-credential as a candidate works on it (issue 12): the parts filled with live word
// counts, evidence of several kinds (text, a link, a Let's Talk journey), the self-check naming what
// is missing, a reload, submitting (the submission file and its printable page download; a private
// piece stays out), and a reviewer's "not yet" review file opened back, its notes beside the parts,
// then a resubmission. One browser and page serve the tests, which follow each other as one story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sharedApp, ROOT, items, waitFor, click, clickItem, scrollTo, typeInto, goTo, openApp, chooseFile, tempDir,
  waitSaved, containing } from './harness.mjs';

const pack = JSON.parse(readFileSync(join(ROOT, 'assets/credentials/empowering-students-as-creators.json'), 'utf8'));
const overview = pack.submission.overview, reflection = pack.submission.reflection;
const label = (part, n, q) => `${part} ${n}: ${q.text}`;

const tmp = tempDir('wayfinder-credential-');
let app;
before(async () => { app = await sharedApp({ height: 900 }); });
after(async () => { rmSync(tmp, { recursive: true, force: true }); if (app) await app.close(); });

const byText = (text, role) => (all) => all.find((i) => i.label === text && (!role || i.role === role));
const status = (text) => byText(`Status: ${text}`, 'status');
async function scrollClick(page, text, role = 'button') {
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === text && i.role === role && !i.disabled && !i.clipped), `"${text}"`));
}
async function scrollType(page, field, text) {
  await scrollTo(page, (all) => all.find((i) => i.label === field && !i.clipped), `the field "${field}"`);
  await typeInto(page, field, text);
}
async function addText(page, n, text) {
  await scrollClick(page, `Add text to Evidence ${n}`);
  await scrollType(page, 'Evidence text', text);
  await scrollClick(page, 'Add this text');
  await scrollTo(page, (all) => all.find((i) => i.label === `1. Text: ${text}` || i.label.endsWith(`Text: ${text}`)), `the text in Evidence ${n}`);
}

// Every download of the page, in order: submitting gives two files at once.
const downloads = [];
async function downloadsAfter(page, buttonText, count) {
  const start = downloads.length;
  await scrollClick(page, buttonText);
  await waitFor(page, () => downloads.length >= start + count, `${count} downloads`);
  return Promise.all(downloads.slice(start, start + count).map(async (d) => ({ name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') })));
}

test('a librarian fills the micro-credential with live word counts, and the self-check names the missing piece until it is attached', async () => {
  const { page } = app;
  page.on('download', (d) => downloads.push(d));
  // A journey to attach as evidence of planning with others.
  await goTo(page, "Let's Talk");
  await click(page, 'Start a new journey', 'button');
  await goTo(page, 'Micro-credential');
  await click(page, 'Start the micro-credential', 'button');
  await waitFor(page, status('Not started'), 'the status Not started');

  const answer = 'Fourth graders plan, record and publish a podcast about our town.';
  await scrollType(page, label('Overview', 1, overview[0]), answer);
  await waitFor(page, byText(`Overview 1: 11 of ${overview[0].word_limit} words`, 'status'), 'the live word count');
  await waitFor(page, status('In progress'), 'the status In progress');
  await scrollType(page, label('Overview', 2, overview[1]), 'Grades 3 to 5, a maker corner with tablets and a green screen.');
  for (const [i, q] of reflection.entries()) await scrollType(page, label('Reflection', i + 1, q), 'Students chose their audience and tested their work on younger classes.');

  await addText(page, 1, 'Podcast unit: purpose, audience, storyboard, record, test, publish.');
  await scrollClick(page, 'Add a link to Evidence 2');
  await scrollType(page, 'Web address', 'https://example.org/our-podcasts');
  await scrollClick(page, 'Add this link');
  await addText(page, 3, 'A corner with two tablets, a microphone and a sign-up sheet every class can use.');

  // Evidence 4 is still empty: the self-check says so, and Submit waits.
  await scrollTo(page, byText('• Evidence 4, working with others, has nothing attached yet.'), 'the self-check naming Evidence 4');
  const submit = await scrollTo(page, byText('Submit for review', 'button'), 'the Submit button');
  assert.ok(submit.disabled, 'Submit waits for the self-check');

  await scrollClick(page, 'Attach a Wayfinder item to Evidence 4');
  await clickItem(page, await scrollTo(page, containing("Attach Let's Talk journey: ", 'button'), 'the journey to attach'));
  await scrollTo(page, containing('Wayfinder item: conversation journey'), 'the attached journey');
  await scrollTo(page, status('Ready to submit'), 'the status Ready to submit');
  await waitSaved(page);

  // Nothing is lost on a reload.
  await openApp(page, page.url());
  await goTo(page, 'Micro-credential');
  await waitFor(page, status('Ready to submit'), 'the status after a reload');
  await scrollTo(page, (all) => all.find((i) => i.label === label('Overview', 1, overview[0]) && i.value === answer), 'the answer after a reload');
});

test('submitting downloads the submission file and its printable page, with a private piece left out', async () => {
  const { page } = app;
  await addText(page, 3, 'Notes about one student, for me only.');
  await clickItem(page, await scrollTo(page, byText('Private: leave Evidence 3, piece 2 out of the submission'), 'the private box'));
  await scrollTo(page, containing('(private)'), 'the piece marked private');
  await scrollTo(page, containing("leave students' names and faces out"), 'the reminder about students');
  // No name in the profile: Submit waits for one.
  assert.ok((await scrollTo(page, byText('Submit for review', 'button'), 'the Submit button')).disabled, 'Submit waits for a name');
  await scrollType(page, 'Your name, as the reviewer and the badge will read it', 'Ana Pérez');
  const [file, printable] = await downloadsAfter(page, 'Submit for review', 2);
  assert.match(file.name, /^wayfinder-micro-credential-submission-round-1-\d{4}-\d\d-\d\d\.json$/);
  const submission = JSON.parse(file.text);
  assert.equal(submission.type, 'wayfinder.credential-submission');
  assert.equal(submission.content.round, 1);
  assert.equal(submission.content.evidence['evidence-collaboration'][0].kind, 'item');
  assert.ok(!file.text.includes('for me only'), 'the private piece is not in the file');
  assert.match(printable.name, /\.html$/);
  assert.ok(printable.text.includes('Empowering Students as Creators: submission'));
  assert.ok(!printable.text.includes('for me only'), 'nor on the printable page');
  await page.mouse.wheel(0, -100000);
  await waitFor(page, status('Submitted'), 'the status Submitted');
  writeFileSync(join(tmp, 'submission.json'), file.text);
});

// The review file a reviewer's Wayfinder writes (credential_files.hpp), "not yet" on one row.
function notYetReview(submission) {
  const c = submission.content;
  return {
    type: 'wayfinder.credential-review', version: 1, submission_id: c.submission_id, round: c.round, submission_hash: submission.hash,
    pack_id: c.pack.id, pack_version: c.pack.version, credential_title: c.pack.title, candidate: c.candidate,
    rows: c.pack.rubric.map((r) => ({ row: r.id, verdict: r.id === 'criterion-student-work' ? 'not-yet' : 'meets',
      comment: r.id === 'criterion-student-work' ? 'Add a sample from another grade.' : '' })),
    feedback: 'A lively program; one more sample and it is there.', decision: 'not-yet', reviewer: 'Jo Lee',
    reviewed_at: '2026-12-01', signed_credential: '',
  };
}

test('a "not yet" review opened from its file shows the notes beside the parts, and the revision is resubmitted as round 2', async () => {
  const { page } = app;
  const submission = JSON.parse(readFileSync(join(tmp, 'submission.json'), 'utf8'));
  writeFileSync(join(tmp, 'review.json'), JSON.stringify(notYetReview(submission)));
  await chooseFile(page, 'Open the review file…', join(tmp, 'review.json'));
  await waitFor(page, status('Not yet'), 'the status Not yet');
  await waitFor(page, containing('Jo Lee says "not yet": A lively program'), 'the overall feedback');
  await scrollTo(page, byText('Reviewer on "Students\' own creations": not yet. Add a sample from another grade.', 'status'), 'the note beside the student work');

  await addText(page, 2, 'Grade 2 stop-motion story, without faces.');
  await scrollType(page, 'What changed since the last round', 'Added a grade 2 sample.');
  const [file] = await downloadsAfter(page, 'Resubmit for review', 2);
  const second = JSON.parse(file.text);
  assert.equal(second.content.round, 2);
  assert.equal(second.content.submission_id, submission.content.submission_id);
  await page.mouse.wheel(0, -100000);
  await waitFor(page, status('Resubmitted'), 'the status Resubmitted');
  // Both rounds are kept, the first with its review.
  await scrollTo(page, containing('Not yet, reviewed by Jo Lee', 'status'), "round 1's review in the history");
});
