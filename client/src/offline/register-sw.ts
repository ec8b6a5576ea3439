/**
 * Installs the service worker (client/pwa-plugin.ts builds sw.js): the app shell and the fonts are
 * cached, so the client opens without a connection. Same origin, so `script-src 'self'` and
 * `worker-src 'self'` allow it. Not in the dev server (no sw.js there).
 */
export function registerServiceWorker(): void {
  // import.meta.hot only exists under the dev server (import.meta.env.DEV follows NODE_ENV, which a
  // test run sets to "test" for a real build too).
  if (!('serviceWorker' in navigator) || import.meta.hot) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (an old browser, a private window): the client works online as before.
    });
  });
}
