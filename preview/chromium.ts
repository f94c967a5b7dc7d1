import { chromium, type Browser } from 'playwright-core';

// Headless Chromium for whatever looks at the preview in a browser: the end-to-end tests, `npm run
// screenshots` and the UI bench.

/** Debian's Chromium (CI installs it with apt-get); Playwright's own browser download is not available here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Without the background-networking flags Chromium keeps dialling Google services this sandbox cannot reach.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
