/** Debian's Chromium rather than a downloaded browser, and the flags that keep it quiet and offline. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The host pages of the embedding specs are "public" sites (served by routing) framing the app on
  // localhost, which Chromium's Local Network Access would block; a real host and the app are both
  // public, so the check has nothing to say about what the specs test.
  '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights',
];
