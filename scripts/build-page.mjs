// Builds the host's team and projector page (web/) into dist/page/: one
// script and one style sheet, served by `sandtable host` from the package.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/page/', import.meta.url);
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [new URL('../web/app.tsx', import.meta.url).pathname],
  outfile: new URL('app.js', out).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
copyFileSync(new URL('../web/app.css', import.meta.url), new URL('app.css', out));
