// Reviewing a colleague's micro-credential (issue 12), as the reviewer does it: the submission file
// they were sent opened from the Reviews page, read part by part beside its rubric, marked, kept
// across a reload, and exported as the review file to send back. One browser and page serve every
// test, in order: the frozen submission fixture is the colleague's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedApp, ROOT, tempDir, items, waitFor, waitSaved, click, clickItem, scrollTo, openApp, goTo, typeInto,
  chooseFile, download, storedDocuments, waitForStored, alerts } from './harness.mjs';

const SUBMISSION = join(ROOT, 'tests/fixtures/credential-submission-v1.json');
const FIRST_ROW = 'A clear approach to student creation';
const COMMENT = `Your comment on "${FIRST_ROW}"`;
const DRAFT_KEY = 'review-draft:sub-2026-golden:1';

let app;
before(async () => { app = await sharedApp({ height: 900 }); });
after(async () => { if (app) await app.close(); });

const heading = (text) => (all) => all.find((i) => i.role === 'heading' && i.label.startsWith(text));
const radioIn = (group, label) => (all) => all.find((i) => i.role === 'radio' && i.group === group && i.label === label && !i.clipped);

test("a colleague's submission opened on the Reviews page shows each part beside its rubric row, and stays apart from the reviewer's own work", async () => {
  const { page } = app;
  await goTo(page, 'Reviews');
  await chooseFile(page, 'Open a submission file…', SUBMISSION);
  await waitFor(page, heading('Criterion 1 of 6: ' + FIRST_ROW), 'the first rubric row');
  const all = await items(page);
  assert.ok(all.some((i) => i.role === 'heading' && i.label === 'Empowering Students as Creators'), 'the credential is named');
  assert.ok(all.some((i) => i.role === 'text' && i.label.startsWith('By Ana Pérez · round 1')), 'the candidate and round are named');
  assert.ok(all.some((i) => i.role === 'text' && i.label.startsWith('Overview 1: ')), 'the first overview question is shown');
  assert.ok(radioIn(FIRST_ROW, 'Meets')(all), 'the first row can be marked as met');

  // Further down: a picture, a link and a Wayfinder item, each as evidence beside its row.
  await scrollTo(page, (all) => all.find((i) => i.role === 'text' && i.label.startsWith('Picture, ')), 'the picture in the evidence');
  await scrollTo(page, (all) => all.find((i) => i.role === 'text' && i.label.startsWith('Link: ')), 'the link in the evidence');
  await scrollTo(page, (all) => all.find((i) => i.role === 'text' && i.label.startsWith('Conversation journey: 2026–27 with Ms. Rivera')),
    'the attached journey, named');
  await scrollTo(page, (all) => all.find((i) => i.label === 'Save it as a page to read' && !i.clipped), 'the journey as a page');
  const guide = await download(page, 'Save it as a page to read');
  assert.match(guide.name, /^wayfinder-reflection-guide-ana-p.*\.html$/);
  assert.match(guide.bytes.toString('utf8'), /2026–27 with Ms\. Rivera/);

  const docs = await waitForStored(page, (d) => d[DRAFT_KEY], 'the review in progress');
  assert.equal(docs[DRAFT_KEY].type, 'wayfinder.review-draft');
  assert.deepEqual(Object.keys(docs).filter((k) => k.startsWith('credential:') || k.startsWith('journey:')), [],
    "nothing is added to the reviewer's own work");
});

test("the reviewer's name, a mark and a comment are kept across a reload, and a not-yet review downloads the review file", async () => {
  const { page } = app;
  await scrollTo(page, (all) => all.find((i) => i.label === 'Your name as reviewer' && !i.clipped), 'the reviewer\'s name');
  await typeInto(page, 'Your name as reviewer', 'Jo Lee');
  await page.keyboard.press('Escape');
  await clickItem(page, await scrollTo(page, radioIn(FIRST_ROW, 'Meets'), 'Meets on the first row'));
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === COMMENT && !i.clipped), 'the first comment'));
  await page.keyboard.type('Two grades, clearly told.');
  await waitFor(page, (all) => all.find((i) => i.label === COMMENT && i.value === 'Two grades, clearly told.'), 'the comment');
  await page.keyboard.press('Escape');
  await waitSaved(page);

  await page.reload();
  await openApp(page, page.url());
  await goTo(page, 'Reviews');
  await waitFor(page, (all) => all.find((i) => i.role === 'status' && /1 of 6 criteria marked/.test(i.label)), 'the review in the list');
  await click(page, 'Continue the review', 'button');
  assert.equal((await waitFor(page, (all) => all.find((i) => i.label === 'Your name as reviewer'), 'the name')).value, 'Jo Lee');
  assert.equal((await scrollTo(page, radioIn(FIRST_ROW, 'Meets'), 'the first row')).checked, true, 'still marked as met');
  assert.equal((await scrollTo(page, (all) => all.find((i) => i.label === COMMENT), 'the comment')).value, 'Two grades, clearly told.');

  // The other rows, top to bottom, marked Not yet.
  const marked = new Set([FIRST_ROW]);
  for (;;) {
    const next = await scrollTo(page, (all) => all.find((i) => i.role === 'radio' && i.label === 'Not yet' && !marked.has(i.group)),
      'a row still to mark');
    if (next.group === 'Decision') break;
    marked.add(next.group);
    await clickItem(page, next);
  }
  assert.equal(marked.size, 6, 'six rows marked');

  // Earned waits for every row to meet; Not yet can be chosen now.
  const earned = await scrollTo(page, (all) => all.find((i) => i.role === 'radio' && i.group === 'Decision' && i.label === 'Earned'), 'Earned');
  assert.equal(earned.disabled, true, 'Earned is not offered while rows are not yet');
  await clickItem(page, await scrollTo(page, radioIn('Decision', 'Not yet'), 'the decision Not yet'));
  await scrollTo(page, (all) => all.find((i) => i.label === 'Export review' && i.role === 'button' && !i.clipped), 'Export review');
  const file = await download(page, 'Export review');
  assert.match(file.name, /^wayfinder-review-ana-p.*round-1.*\.json$/);
  const review = JSON.parse(file.bytes.toString('utf8'));
  assert.equal(review.type, 'wayfinder.credential-review');
  assert.equal(review.submission_id, 'sub-2026-golden');
  assert.equal(review.decision, 'not-yet');
  assert.equal(review.reviewer, 'Jo Lee');
  assert.deepEqual(review.rows[0], { row: 'criterion-approach', verdict: 'meets', comment: 'Two grades, clearly told.' });
  assert.equal(review.signed_credential, '');

  // Exported is final: the page offers the same file again, and the choices are locked.
  await scrollTo(page, (all) => all.find((i) => i.label === 'Export the review again' && i.role === 'button'), 'the review marked as exported');
  assert.equal((await items(page)).find((i) => i.role === 'radio' && i.group === 'Decision' && i.label === 'Not yet').disabled, true);
  await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Back to your reviews' && !i.clipped), 'the way back'));
  await waitFor(page, (all) => all.find((i) => i.role === 'status' && /^Not yet · reviewed /.test(i.label)), 'the review among those written');
  const stored = await waitForStored(page, (d) => d['reviews-written'], 'the list of reviews written');
  assert.equal(stored['reviews-written'].reviews.length, 1);
  assert.equal(stored[DRAFT_KEY].decision, 'not-yet');
});

test('a submission changed after it was sent is refused with the reason, and no review opens', async () => {
  const { page } = app;
  const changed = join(tempDir(), 'changed-submission.json');
  writeFileSync(changed, readFileSync(SUBMISSION, 'utf8').replace('"Ana Pérez"', '"Someone Else"'));
  await goTo(page, 'Reviews');
  if (!(await items(page)).some((i) => i.label === 'Open a submission file…')) {
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Back to your reviews' && !i.clipped), 'the way back'));
  }
  await chooseFile(page, 'Open a submission file…', changed);
  await waitFor(page, (all) => all.find((i) => i.role === 'alert' && i.label.includes('"changed-submission.json" was not opened') &&
    i.label.includes('changed after it was submitted')), 'the refusal');
  const docs = await storedDocuments(page);
  assert.deepEqual(Object.keys(docs).filter((k) => k.startsWith('review-draft:')), [DRAFT_KEY], 'no second review was opened');
  assert.ok((await alerts(page)).length > 0);
});
