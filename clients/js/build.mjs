// Builds the SDK: tsc writes dist/ (ES modules + .d.ts, socket.io-client and react left as
// imports), esbuild writes dist/browser/orderchat-client.js (one ES module with socket.io-client
// inside, no React) for pages without a bundler. `--web DIR` also copies that bundle into DIR
// (the Maven build puts it at static/js/sdk/ of the server's classpath for the web UI).
// Runs from the repository's node_modules (typescript, esbuild pinned in the root package.json).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const web = process.argv.indexOf("--web");

rmSync(join(here, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(here, "tsconfig.json")], { stdio: "inherit" });

const esbuild = require("esbuild");
const bundle = join(here, "dist", "browser", "orderchat-client.js");
await esbuild.build({
  entryPoints: [join(here, "src", "index.ts")],
  outfile: bundle,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: true,
  legalComments: "eof",
  logLevel: "warning",
});

if (web >= 0) {
  const target = resolve(process.argv[web + 1]);
  mkdirSync(target, { recursive: true });
  copyFileSync(bundle, join(target, "orderchat-client.js"));
  copyFileSync(`${bundle}.map`, join(target, "orderchat-client.js.map"));
}
