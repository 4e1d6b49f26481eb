// Writes the site's Workbox service worker (called by diary/pwa/service_worker.py with a JSON config).
// Precaches the files every browser needs; files only one kind of browser fetches (Flutter's two
// renderers, the two Rive builds) are cached on first use, in a cache named after this build.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.env.DIARY_NODE_MODULES + "/");
const { generateSW } = require("workbox-build");
const config = JSON.parse(readFileSync(process.argv[2], "utf8"));

const { count, size, warnings } = await generateSW({
  globDirectory: config.site,
  swDest: config.site + "/sw.js",
  globPatterns: ["**/*"],
  globIgnores: config.notPrecached,
  importScripts: config.importScripts,
  // Workbox skips files over 2 MB by default, silently: the wasm files are larger.
  maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
  ignoreURLParametersMatching: [/.*/],
  navigateFallback: "index.html",
  navigateFallbackDenylist: [/\.[a-z0-9]+$/i],
  cacheId: "diary",
  clientsClaim: true,       // the first visit's page is controlled as soon as the worker is active
  skipWaiting: false,       // a new version waits until every tab of the old one is closed
  cleanupOutdatedCaches: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  runtimeCaching: [{
    urlPattern: new RegExp(config.runtimePattern),
    handler: "CacheFirst",
    options: { cacheName: config.runtimeCache },
  }],
});
if (warnings.length) {  // e.g. a file over the size limit, which Workbox would otherwise skip silently
  for (const warning of warnings) console.error("workbox: " + warning);
  process.exit(1);
}
console.log(JSON.stringify({ count, size }));
