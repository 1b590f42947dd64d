import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
for (const f of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let t = Date.now();
  await page.goto('file://' + f, { waitUntil: 'load', timeout: 180000 });
  const wall = Date.now() - t;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  console.log(f, 'wall', wall, 'task', m.TaskDuration.toFixed(2), 'layout', m.LayoutDuration.toFixed(2), 'style', m.RecalcStyleDuration.toFixed(2), 'script', m.ScriptDuration.toFixed(2), 'nodes', m.Nodes);
  await page.close();
}
await browser.close();
