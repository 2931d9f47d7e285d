// Assembles the deployable static site in dist/ from the Emscripten output (build-web/) and web/:
// content-hashed file names (cache forever), the glue stamped with its wasm's SHA-256, a service
// worker that precaches exactly this build, and nothing else.
// Usage: node scripts/build-site.mjs <build-web dir> <dist dir>   (scripts/build.sh runs it with the
// NODE_PATH that Debian's terser needs, as Emscripten does)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [buildDir = 'build-web', distDir = 'dist'] = process.argv.slice(2);
const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hashed = (name, data) => {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${sha256(data).slice(0, 12)}${name.slice(dot)}`;
};
const fill = (text, values) => text.replace(/\{\{([A-Z_]+)\}\}/g, (_, key) => {
  if (!(key in values)) throw new Error(`no value for {{${key}}}`);
  return values[key];
});

// Emscripten 3.1.6 only strips the glue's whitespace (its name mangler is Closure, not packaged here).
// terser mangles local names and compresses: 4.1 KB gzip less for the glue, 1.5 KB for boot.js. It
// leaves global names alone, which is all that crosses files: createWayfinder, wayfinderBoot, and the
// Module["_wf_*"] exports, which are looked up by string. sw.js is left readable: it is 1 KB, and
// tests/browser/updates.test.mjs rewrites its BUILD constant to fake a next release.
function minifyJs(code, name) {
  try {
    return execFileSync('terser', ['--compress', 'passes=2', '--mangle'], { input: code, maxBuffer: 64 << 20 });
  } catch (e) {
    throw new Error(`terser could not minify ${name} (scripts/setup.sh installs it; scripts/build.sh sets NODE_PATH): ${e.stderr || e.message}`);
  }
}

const files = new Map();   // dist-relative name -> content
const add = (name, data) => { files.set(name, data); return name; };

const version = readFileSync('VERSION', 'utf8').trim();
const wasm = readFileSync(join(buildDir, 'app.wasm'));
const wasmName = add(hashed('app.wasm', wasm), wasm);
const glue = Buffer.concat([Buffer.from(`self.WAYFINDER_WASM_SHA256="${sha256(wasm)}";\n`), minifyJs(readFileSync(join(buildDir, 'app.js')), 'app.js')]);
const glueName = add(hashed('app.js', glue), glue);
const fontText = readFileSync(join(buildDir, 'fonts/inter.woff2'));
const fontTextName = add(`fonts/${hashed('inter.woff2', fontText)}`, fontText);
const fontIcons = readFileSync(join(buildDir, 'fonts/icons.woff2'));
const fontIconsName = add(`fonts/${hashed('icons.woff2', fontIcons)}`, fontIcons);
const icon = readFileSync('assets/icon.svg');
const iconName = add(hashed('icon.svg', icon), icon);
const style = Buffer.from(fill(readFileSync('web/style.css', 'utf8'), { FONT_TEXT_URL: fontTextName.replace(/^fonts\//, 'fonts/') }));
const styleName = add(hashed('style.css', style), style);
const boot = minifyJs(readFileSync('web/boot.js'), 'boot.js');
const bootName = add(hashed('boot.js', boot), boot);

const assets = { version, app: glueName, wasm: wasmName, fontText: fontTextName, fontIcons: fontIconsName };
add('index.html', Buffer.from(fill(readFileSync('web/index.html', 'utf8'), {
  ICON_SVG: iconName, STYLE_CSS: styleName, FONT_TEXT: fontTextName, FONT_ICONS: fontIconsName, APP_WASM: wasmName,
  APP_JS: glueName, BOOT_JS: bootName,
  ASSETS_JSON: JSON.stringify(assets),
})));
add('manifest.webmanifest', Buffer.from(fill(readFileSync('web/manifest.webmanifest', 'utf8'), { ICON_SVG: iconName })));

// The service worker names this exact build; a new build is a new worker, offered as an update.
const precache = [...files.keys()].sort();
const buildId = sha256(precache.map((n) => n + ':' + sha256(files.get(n))).join('\n')).slice(0, 16);
add('sw.js', Buffer.from(fill(readFileSync('web/sw.js', 'utf8'), {
  BUILD_ID: buildId, PRECACHE_JSON: JSON.stringify(precache),
})));

rmSync(distDir, { recursive: true, force: true });
for (const [name, data] of files) {
  const path = join(distDir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
}
writeFileSync(join(distDir, 'build.json'), JSON.stringify({ version, build: buildId, files: precache }, null, 2) + '\n');
console.log(`site: ${distDir}/ build ${buildId} (${files.size} files)`);
