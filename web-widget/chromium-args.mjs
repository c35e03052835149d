// The flags every headless Chromium of the tests and the bench starts with:
// no sandbox (run as root), no GPU, and none of the background connections
// a closed network refuses.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
