// check.mjs — opens every page of a web edition in Debian's Chromium
// (headless, driven by playwright-core) and checks what a reader's browser
// would: no console error, no failed request, no request outside the
// folder, every image loaded, axe-core's WCAG 2.1 A and AA rules at a
// phone's width (375 px) and a desktop's (1280 px), no horizontal
// scrolling on the phone, a visible skip link at the first Tab.  Writes each page's text (for the figures) and
// screenshots into OUT.
//
//   node check.mjs WEB_DIR OUT_DIR
//
// Prints one line per problem and exits 1 if there is any.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join, extname, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';

const [dir, out] = process.argv.slice(2).map((p) => resolve(p));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg', '.png': 'image/png', '.ttf': 'font/ttf', '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8' };

// The folder, served as a web server would (a file:// page may not load
// its fonts, and a server shows what the office's site will do).
const server = createServer((req, res) => {
  const path = join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!path.startsWith(dir + sep) && path !== dir) { res.writeHead(403).end(); return; }
  try {
    const file = statSync(path).isDirectory() ? join(path, 'index.html') : path;
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  } catch { res.writeHead(404).end(); }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const problems = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-extensions',
    '--disable-background-networking', '--no-first-run'],
});
mkdirSync(out, { recursive: true });
const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
for (const [width, height, tag] of [[375, 812, 'telephone'], [1280, 900, 'bureau']]) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR' });
  // axe-core is a script the pages' policy forbids: it runs apart, in a
  // context that lets it in
  const audit = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR', bypassCSP: true });
  for (const name of pages) {
    const page = await context.newPage();
    const say = (what) => problems.push(`${name} (${width} px): ${what}`);
    let probing = false;    // the policy's own refusal of our probe is no fault
    page.on('console', (m) => {
      if (probing && /Content Security Policy/.test(m.text())) return;
      if (m.type() === 'error' || m.type() === 'warning') say(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => say(`script error: ${e.message}`));
    page.on('requestfailed', (r) => say(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => { if (r.status() >= 400) say(`HTTP ${r.status()} for ${r.url()}`); });
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin + '/') && !url.startsWith('data:')) say(`a request leaves the folder: ${url}`);
    });
    await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
    // every image, lazy ones included, loads
    await page.evaluate(async () => {
      for (const img of document.images) img.loading = 'eager';
      await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
      await document.fonts.ready;
    });
    const broken = await page.evaluate(() => [...document.images]
      .filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.getAttribute('src')));
    for (const src of broken) say(`image does not load: ${src}`);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scroll > width) say(`${scroll} px wide: scrolls sideways`);
    // the keyboard: the first Tab shows the skip link, outlined
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement, r = a.getBoundingClientRect(), st = getComputedStyle(a);
      return { cls: a.className, top: r.top, bottom: r.bottom, outline: st.outlineStyle, width: st.outlineWidth };
    });
    if (skip.cls !== 'evitement' || skip.top < 0 || skip.bottom > height || skip.outline === 'none')
      say(`the first Tab does not show an outlined skip link: ${JSON.stringify(skip)}`);
    await page.evaluate(() => document.activeElement.blur());
    // the policy holds: a script put into the page does not run
    probing = true;
    const ran = await page.addScriptTag({ content: 'window.carnetScript = 1;' })
      .then(() => page.evaluate(() => window.carnetScript === 1), () => false);
    probing = false;
    if (ran) say('a script put into the page runs: no Content-Security-Policy');
    const checked = await audit.newPage();
    await checked.goto(`${origin}/${name}`, { waitUntil: 'load' });
    await checked.addScriptTag({ content: axeSource });
    const result = await checked.evaluate(() => axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }));
    await checked.close();
    for (const v of result.violations)
      for (const n of v.nodes) say(`axe ${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`);
    if (tag === 'telephone') {
      const text = await page.evaluate(() => document.body.textContent);
      writeFileSync(join(out, name.replace(/\.html$/, '.txt')), text);
    }
    await page.screenshot({ path: join(out, `${name.replace(/\.html$/, '')}-${tag}.png`), fullPage: true });
    await page.close();
  }
  await context.close();
  await audit.close();
}
await browser.close();
server.close();
for (const p of problems) console.log(p);
process.exit(problems.length ? 1 : 0);
