// Screenshots for a person to look at: Home, the results wheel, a goal form and Let's Talk steps 1, 3
// and 5, on a 1366x768 Chromebook at 100 % and a 1280x720 shared screen at Wayfinder's 250 %.
// Not a test: `node bench/screens.mjs [folder]` writes PNGs (default test-results/screens/, ignored
// by git) from the built site (dist/, or WAYFINDER_DIST).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, goTo, clickItem, scrollTo, waitFor, typeInto, press, removeProfile, rateOpenAreaAndFinish, ROOT } from '../tests/browser/harness.mjs';

const out = process.argv[2] || join(ROOT, 'test-results', 'screens');
mkdirSync(out, { recursive: true });
const site = await serve();
const settle = (page) => page.waitForFunction(() => window.wayfinder.settled(), null, { polling: 20 });
const top = async (page) => { await page.mouse.move(700, 400); await page.mouse.wheel(0, -100000); await settle(page); };

for (const [width, height, percent] of [[1366, 768, 100], [1280, 720, 250]]) {
  const browser = await launch({ width, height });
  const { page } = browser;
  const shot = async (name) => {
    await settle(page);
    const path = join(out, `${width}x${height}-${percent}-${name}.png`);
    await page.screenshot({ path });
    console.log(path);
  };
  try {
    await openApp(page, site.url);
    await typeInto(page, 'Your name', 'Ana Pérez');
    await press(page, 'Escape');
    if (percent !== 100) {
      await goTo(page, 'Data & settings');
      await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.role === 'radio' && i.label === `${percent} %`), 'the size'));
    }
    await goTo(page, 'Home');
    await top(page);
    await shot('home');
    // The first area rated and marked as a stretch, then finished (the other areas stay unrated).
    await goTo(page, 'Self-assessment');
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Start'), 'Start'));
    await rateOpenAreaAndFinish(page, 'Established');
    await top(page);
    await shot('results');
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Make this a goal'), 'Make this a goal'));
    await shot('goal-form');
    await goTo(page, "Let's Talk");
    await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.label === 'Start a new journey'), 'Start a new journey'));
    for (const n of [1, 3, 5]) {
      await top(page);
      await clickItem(page, await scrollTo(page, (all) => all.find((i) => i.role === 'button' && new RegExp(`^${n} `).test(i.label)), `the step ${n} chip`));
      await waitFor(page, (all) => all.length > 0, 'the step');
      await top(page);
      await shot(`step-${n}`);
    }
  } finally {
    await browser.close();
    removeProfile(browser.profile);
  }
}
await site.close();
