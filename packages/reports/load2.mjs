import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const f of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  let t = Date.now();
  await page.goto('file://' + f, { waitUntil: 'load', timeout: 180000 });
  console.log(f, 'load', Date.now() - t);
  await page.close();
}
await browser.close();
