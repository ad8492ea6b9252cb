// One build script: dist/client.js, dist/server.js, dist/cli.js.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production') || process.argv.includes('--minify');

/**
 * fdir (under tinyglobby) looks for an optional `picomatch` with a run-time require, which would
 * load whatever `node_modules/picomatch` sits above the install folder or on NODE_PATH. The
 * bundle must run only its own code, and tinyglobby brings its own matcher, so that lookup is cut.
 */
const noRuntimeRequire = {
  name: 'no-runtime-require',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.(mjs|cjs)$/ }, async (args) => {
      const fs = await import('node:fs');
      const source = fs.readFileSync(args.path, 'utf8');
      const cut = source.replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);|require\.resolve\("picomatch"\);\s*pm = require\("picomatch"\);/g, 'throw new Error("no run-time require");');
      if (cut === source) throw new Error(`${args.path}: the optional picomatch require was not found; check the fdir version`);
      return { contents: cut, loader: 'js' };
    });
  },
};
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Some ESM dependencies read import.meta.url; give them the bundle's own URL.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  plugins: [noRuntimeRequire],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js' }),
]);
