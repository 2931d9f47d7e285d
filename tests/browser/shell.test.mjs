// The shell: a first frame that is drawn, a canvas as sharp as the screen, navigation, no CPU while idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, find, click, waitFor, scrollTo, decodePng, distinctColours } from './harness.mjs';

test('the first frame shows the app: navigation, a page title and real drawing', async () => {
  await withApp({}, async (page) => {
    for (const name of ['Home', 'Self-assessment', "Let's Talk", 'Micro-credential', 'Reviews', 'Data & settings']) await find(page, name, 'tab');
    await find(page, 'Home', 'heading');
    const shot = decodePng(await page.screenshot());
    assert.ok(distinctColours(shot) > 50, `a drawn page has many colours (anti-aliased text), got ${distinctColours(shot)}`);
  });
});

for (const dpr of [1, 1.25, 1.5, 2]) {
  test(`at devicePixelRatio ${dpr} the canvas backing store matches the screen's pixels`, async () => {
    await withApp({ dpr, width: 1000, height: 700 }, async (page) => {
      const size = await page.evaluate(() => {
        const c = document.getElementById('wayfinder-canvas');
        return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
      });
      assert.equal(size.cssW, 1000);
      assert.equal(size.w, Math.round(1000 * dpr));
      assert.equal(size.h, Math.round(700 * dpr));
      // Widgets are laid out in CSS pixels whatever the ratio: the Home tab sits in the same place.
      const home = await find(page, 'Home', 'tab');
      assert.ok(home.x > 5 && home.x < 40 && home.h > 30 && home.h < 60, JSON.stringify(home));
    });
  });
}

test('the canvas follows a window resize', async () => {
  await withApp({ dpr: 2 }, async (page) => {
    await page.setViewportSize({ width: 700, height: 500 });
    await page.waitForFunction(() => document.getElementById('wayfinder-canvas').width === 1400);
    const heading = await find(page, 'Home', 'heading');
    assert.ok(heading.x + heading.w <= 700);
  });
});

test('navigation: each page opens with its first step', async () => {
  await withApp({}, async (page) => {
    await click(page, 'Self-assessment', 'tab');
    await find(page, 'Start', 'button');
    await click(page, "Let's Talk", 'tab');
    await find(page, 'Start a new journey', 'button');
    await click(page, 'Micro-credential', 'tab');
    await find(page, 'Micro-credential', 'heading');
    await find(page, 'Start the micro-credential', 'button');
    await click(page, 'Data & settings', 'tab');
    await find(page, 'Export workspace (JSON)', 'button');
    // The storage line shows real figures (quotas pass 4 GB, which once wrapped to "0 KB").
    const usage = await scrollTo(page, (all) => all.find((i) => /^Using \d/.test(i.label)), 'the storage usage line');
    assert.doesNotMatch(usage.label, / 0 KB/);
  });
});

test('an idle app draws no frames', async () => {
  await withApp({}, async (page) => {
    await page.mouse.move(5, 790);
    // Start-up work is over once each of its answers reached the app (library_wayfinder.js marks them)
    // and the frames they asked for are drawn.
    await page.waitForFunction(() => ['documents-loaded', 'backups-listed', 'storage-estimated', 'live-backup-known']
      .every((name) => performance.getEntriesByName('wayfinder:' + name).length > 0) && window.wayfinder.settled(), null, { polling: 20 });
    const before = await page.evaluate(() => window.wayfinder.frames());
    await page.waitForTimeout(3000);
    const after = await page.evaluate(() => window.wayfinder.frames());
    assert.equal(after, before, 'frames drawn while nothing happened');
    await page.mouse.move(400, 300);            // input wakes it up
    await page.waitForFunction((n) => window.wayfinder.frames() > n, before);
  });
});

test('theme and text size change from Data & settings, and text stays sharp at 200 %', async () => {
  await withApp({ dpr: 1.5 }, async (page) => {
    await click(page, 'Data & settings', 'tab');
    const small = await find(page, 'Dark', 'radio');
    await click(page, '200 %', 'radio');
    await waitFor(page, (all) => all.find((i) => i.label === 'Dark' && i.h > small.h * 1.7), 'larger controls');
    await click(page, 'Dark', 'radio');
    await waitFor(page, (all) => all.find((i) => i.label === 'Dark' && i.checked), 'Dark selected');
    const shot = decodePng(await page.screenshot());
    const corner = shot.pixels.readUInt32BE(((shot.height - 2) * shot.width + shot.width - 2) * 4) >>> 8;
    assert.ok(((corner >> 16) & 255) < 60, `dark background, got #${corner.toString(16)}`);
  });
});

test('WebGL context loss is survived: the app draws again when the context returns', async () => {
  await withApp({}, async (page) => {
    await page.evaluate(async () => {
      const gl = document.getElementById('wayfinder-canvas').getContext('webgl2');
      const ext = gl.getExtension('WEBGL_lose_context');
      ext.loseContext();
      await new Promise((r) => setTimeout(r, 200));
      ext.restoreContext();
    });
    const before = await page.evaluate(() => window.wayfinder.frames());
    await page.mouse.move(300, 300);
    await page.waitForFunction((n) => window.wayfinder.frames() > n + 1, before);
    await click(page, 'Data & settings', 'tab');
    await find(page, 'Data & settings', 'heading');
    const shot = decodePng(await page.screenshot());
    assert.ok(distinctColours(shot) > 50);
  });
});

test('on a touchscreen a tap presses and a drag scrolls the page', async () => {
  await withApp({ touch: true, width: 800, height: 600 }, async (page) => {
    const tab = await find(page, 'Data & settings', 'tab');
    await page.touchscreen.tap(tab.x + tab.w / 2, tab.y + tab.h / 2);
    const before = await find(page, 'Backup and moving to another device', 'heading');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 500, y }] });
    await touch('touchStart', 500);
    for (let y = 480; y >= 200; y -= 20) await touch('touchMove', y);
    await touch('touchEnd');
    const after = await waitFor(page, (all) => all.find((i) => i.label === 'Backup and moving to another device' && i.y < before.y - 100),
      'the page scrolled up by the drag');
    assert.ok(after.y < before.y);
    assert.equal((await find(page, 'Data & settings', 'tab')).selected, true, 'the drag pressed nothing: still on the same page');
  });
});

test('fields side by side line up: labels and boxes at the same height', async () => {
  await withApp({}, async (page) => {
    const name = await find(page, 'Your name', 'textbox');
    const role = await find(page, 'Your role', 'textbox');
    assert.equal(role.y, name.y);
    assert.ok(role.x > name.x + name.w, 'the role field is to the right of the name field');
  });
});
