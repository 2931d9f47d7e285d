// The whole Let's Talk journey as a librarian lives it over weeks: all seven steps, with the browser
// reloaded after each one, every step's own work (continuum, strengths from the self-assessment,
// research and Venn, the interview email, the collaboration map, the agreement) found kept; then the
// Reflection Guide with and without the private continuum, and the journey file opened in a fresh
// browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, items, press, waitFor, waitSaved, click, clickItem, scrollTo, goTo, typeInto, download, importFile, storedDocuments, quickAssessment, find, decodePng, removeProfile, tempDir, ROOT, stepHeading, toTop, scrollClick } from './harness.mjs';

const pack = JSON.parse(readFileSync(join(ROOT, 'assets/journeys/lets-talk.json'), 'utf8'));
const prompt = (step, k = 0) => pack.steps[step - 1].reflections[k].text;
const phrase = pack.continuum_phrases[0].text;
const research = pack.research_items[0].text;
const [q1, q2] = pack.interview_questions.map((q) => q.text);
const AREA_1 = 'Fosters a culture of reading and literacy';   // the self-assessment's strongest area below

const heading = stepHeading;
const item = (test) => (all) => all.find(test);
const labelled = (label, role) => item((i) => i.label === label && (!role || i.role === role));
const checked = (label, role, group) => item((i) => i.label === label && i.role === role && i.checked && (!group || i.group === group));
// The items drawn after the heading `title`, in reading order.
const after = (all, title) => all.slice(all.findIndex((i) => i.role === 'heading' && i.label === title) + 1);

const top = (page) => toTop(page, 500);
async function write(page, label, text) {
  await scrollTo(page, labelled(label), `the field "${label}"`);
  await typeInto(page, label, text);
  await press(page, 'Escape');
}
async function nextStep(page, n) {
  await scrollClick(page, labelled('Next step', 'button'), 'Next step');
  await waitFor(page, heading(n), `step ${n}`);
}
// Once it is saved, the librarian closes the browser tab and comes back later.
async function reopen(page, n) {
  await waitSaved(page);
  await page.reload();
  await openApp(page, page.url());
  await goTo(page, "Let's Talk");
  await click(page, 'Open journey', 'button');
  await waitFor(page, heading(n), `step ${n} after the reload`);
}
const answered = (label, pattern) => item((i) => i.label === label && pattern.test(i.value || ''));

test('a librarian walks all seven steps with a reload after each, exports the guide and opens the journey in a fresh browser', async () => {
  const site = await serve();
  const first = await launch({ height: 1000 }), second = await launch();
  const page = first.page;
  try {
    await openApp(page, site.url);
    await write(page, 'Your name', 'Ana Pérez');
    await write(page, 'School', 'Lincoln Middle School');
    await quickAssessment(page, 'Leading');
    await goTo(page, "Let's Talk");
    await click(page, 'Start a new journey', 'button');
    await waitFor(page, heading(1), 'step 1');
    await write(page, 'Journey name', '2026–27 with Dr. Rivera');

    // Step 1: a phrase placed leaning fixed and highlighted, on a private continuum; a reflection.
    await scrollClick(page, labelled(`+ ${phrase}`, 'button'), 'the first phrase to place');
    await scrollClick(page, item((i) => i.role === 'radio' && i.label === 'Leaning fixed' && i.group === phrase), 'its "Leaning fixed" choice');
    await scrollClick(page, labelled('Highlight: a fixed habit to watch', 'checkbox'), 'the highlight');
    await write(page, prompt(1), 'I hold back when I worry about stepping on toes.');
    await reopen(page, 1);
    await scrollTo(page, checked('Leaning fixed', 'radio', phrase), 'the phrase kept leaning fixed');
    await scrollTo(page, checked('Highlight: a fixed habit to watch', 'checkbox'), 'the highlight kept');
    await top(page);   // the privacy choice is above the map, the phrases below it
    await scrollTo(page, checked('Keep my continuum private: leave it out of the Reflection Guide and shared files', 'checkbox'),
      'the continuum private by default');
    await scrollTo(page, answered(prompt(1), /stepping on toes/), 'the step 1 answer kept');
    // A snapshot is made to be shared: the journey it carries has the answer but not the continuum.
    const carried = JSON.parse(decodePng((await download(page, 'Snapshot')).bytes).text.Wayfinder).item;
    assert.match(JSON.stringify(carried.steps), /stepping on toes/);
    assert.deepEqual(carried.continuum, { private: true, phrases: [] }, 'the snapshot leaves the continuum out');

    // Step 2: the self-assessment's strength is there to annotate.
    await nextStep(page, 2);
    await scrollTo(page, labelled(`• ${AREA_1}`, 'text'), 'the strength from the self-assessment');
    await write(page, 'An example of this in your practice', 'A lunchtime book club that doubled this year.');
    await reopen(page, 2);
    await scrollTo(page, answered('An example of this in your practice', /book club/), 'the strength example kept');

    // Step 3: a plan found; a note placed where district and school overlap is a connection.
    await nextStep(page, 3);
    await scrollClick(page, item((i) => i.role === 'radio' && i.label === 'Found' && i.group === research), 'the first plan\'s "Found"');
    await write(page, 'A note from the plans', 'Family literacy nights');
    await scrollClick(page, labelled('Add to the map', 'button'), 'Add to the map');
    await scrollClick(page, item((i) => i.role === 'radio' && i.label === 'District and school' && i.group === 'Family literacy nights'),
      'the region choice');
    const connection = (all) => {
      const rest = after(all, 'Connections');
      return rest.length < all.length && rest[0]?.label === 'District and school' && rest[1]?.label === '• Family literacy nights';
    };
    await scrollTo(page, connection, 'the note listed as a connection');
    await reopen(page, 3);
    await scrollTo(page, checked('Found', 'radio', research), 'the plan kept as found');
    await scrollTo(page, connection, 'the connection kept');

    // Step 4: two questions chosen; the email merges the leader, the school, the name and the questions.
    await nextStep(page, 4);
    await scrollClick(page, labelled(q1, 'checkbox'), 'the first question');
    await scrollClick(page, labelled(q2, 'checkbox'), 'the second question');
    await write(page, "Your building leader's name", 'Dr. Rivera');
    const subject = (await scrollTo(page, labelled('Subject'), 'the subject line')).value;
    assert.equal(subject, 'Could we meet about the library at Lincoln Middle School?');
    const email = (await scrollTo(page, item((i) => i.label === 'The email' && (i.value || '').startsWith('Dear Dr. Rivera,')), 'the merged email')).value;
    for (const merged of ['Lincoln Middle School', 'Ana Pérez', `- ${q1}`, `- ${q2}`]) assert.ok(email.includes(merged), merged);
    assert.doesNotMatch(email, /\{\{/, 'no field is left unfilled');
    await scrollTo(page, labelled('Download email', 'button'), 'the email buttons');
    const file = (await download(page, 'Download email')).bytes.toString('utf8');
    assert.equal(file, `Subject: ${subject}\n\n${email}`, 'the downloaded email is the one shown');
    await reopen(page, 4);
    await scrollTo(page, checked(q1, 'checkbox'), 'the first question kept');
    await scrollTo(page, checked(q2, 'checkbox'), 'the second question kept');

    // Step 5: a priority in the circle with the step 2 strength placed beside it.
    await nextStep(page, 5);
    await write(page, 'A school or district priority', 'Reading growth for every student');
    await scrollClick(page, labelled('Add priority', 'button'), 'Add priority');
    await scrollClick(page, labelled(`+ ${AREA_1}`, 'button'), 'the strength offered from step 2');
    await scrollClick(page, item((i) => i.role === 'radio' && i.label === 'Reading growth for every student' && i.group === AREA_1),
      'placing it beside the priority');
    const aligned = (all) => {
      const rest = after(all, 'Priorities in the circle');
      const at = rest.findIndex((i) => i.label === '• Reading growth for every student');
      return at >= 0 && rest.slice(at).some((i) => i.label === `Library strength: ${AREA_1}`) &&
        all.some((i) => i.label === 'Nothing on the margins.');
    };
    await top(page);
    await scrollTo(page, aligned, 'the strength beside the priority');
    await reopen(page, 5);
    await scrollTo(page, aligned, 'the map kept');

    // Step 6: an area in the center, and who is involved.
    await nextStep(page, 6);
    await scrollClick(page, labelled('Add a possible area', 'button'), 'Add a possible area');
    await write(page, 'Area 1', 'A school-wide reading challenge');
    await scrollClick(page, labelled('In the center', 'radio'), 'In the center');
    await write(page, 'Who is involved', 'The grade 4 team and me');
    await scrollTo(page, labelled('In the center: A school-wide reading challenge', 'text'), 'the agreed idea');
    await reopen(page, 6);
    await scrollTo(page, labelled('In the center: A school-wide reading challenge', 'text'), 'the agreed idea kept');
    await scrollTo(page, answered('Who is involved', /grade 4 team/), 'who is involved kept');

    // Step 7: the closing reflection, then the guide and the journey file.
    await nextStep(page, 7);
    await write(page, prompt(7), 'Listening first made the plan ours, not mine.');
    await reopen(page, 7);
    await scrollTo(page, answered(prompt(7), /Listening first/), 'the closing reflection kept');
    await scrollTo(page, labelled('Markdown', 'button'), 'the guide buttons');
    const guide = (await download(page, 'Reflection Guide (HTML)')).bytes.toString('utf8');
    for (const answer of ['stepping on toes', 'book club', 'Family literacy nights', 'Reading growth for every student',
      'A school-wide reading challenge', 'Listening first made the plan ours'])
      assert.ok(guide.includes(answer), `the guide has "${answer}"`);
    assert.ok(!guide.includes(phrase), 'the private continuum is left out');
    assert.doesNotMatch(guide, /<script|https?:/, 'a guide runs nothing and loads nothing');

    await scrollClick(page, labelled('Include my private continuum in guides and journey files', 'checkbox'), 'include private');
    await waitFor(page, checked('Include my private continuum in guides and journey files', 'checkbox'), 'include private ticked');
    const withPrivate = (await download(page, 'Reflection Guide (HTML)')).bytes.toString('utf8');
    assert.ok(withPrivate.includes(phrase), 'included when asked');
    const markdown = (await download(page, 'Markdown')).bytes.toString('utf8');
    assert.ok(markdown.includes(phrase) && markdown.includes('Listening first made the plan ours'), 'the Markdown guide too');
    const journeyFile = await download(page, 'Journey file (JSON)');

    // The journey file opens in a fresh browser as the same journey.
    const original = Object.values(await storedDocuments(page)).find((d) => d.type === 'wayfinder.journey');
    const path = join(tempDir(), journeyFile.name);
    writeFileSync(path, journeyFile.bytes);
    await openApp(second.page, site.url);
    await importFile(second.page, path);
    await waitFor(second.page, (all) => all.find((i) => i.role === 'alert' && /^Added /.test(i.label)), 'the added notice');
    await waitSaved(second.page);
    const copies = Object.values(await storedDocuments(second.page)).filter((d) => d.type === 'wayfinder.journey');
    assert.equal(copies.length, 1);
    const { id: _a, ...expected } = original;
    const { id: _b, ...imported } = copies[0];
    assert.deepEqual(imported, expected, 'everything but the id arrives unchanged');
    await goTo(second.page, "Let's Talk");
    await find(second.page, '2026–27 with Dr. Rivera · 1 of 7 steps done'); // step 5's map is made
    for (const browser of [first, second]) {
      assert.deepEqual(browser.errors, [], 'no script errors');
      assert.deepEqual(browser.foreignRequests(site.url.replace(/\/$/, '')), [], 'no request leaves the origin');
    }
  } finally {
    await first.close(); await second.close(); await site.close();
    removeProfile(first.profile); removeProfile(second.profile);
  }
});
