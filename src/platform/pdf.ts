/**
 * HTML → PDF with Debian's chromium (playwright-core), where it is installed; without it the
 * product offers Word files only. Fonts: fonts-noto-cjk (without CJK fonts Chinese prints as boxes).
 */
import fs from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const pdfAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);

export async function htmlToPdf(html: string): Promise<Buffer> {
  // playwright-core is loaded on first use: it is large and only letters need it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(
      await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
      }),
    );
  } finally {
    await browser.close();
  }
}
