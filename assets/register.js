// Registers the service worker (sw.js, written by scripts/csp.py at build
// time) that keeps the app shell, so that after one visit the page opens
// with the network off. Work itself lives in the browser's storage, which
// the worker never touches. It registers once the page has loaded, so its
// downloads never compete with the page's own.
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch((error) => {
      console.warn('hearsay: the offline copy could not be installed:', error);
    });
  });
}
