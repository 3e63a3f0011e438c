import config from '../../wxt.config';

/**
 * The project's build, unminified and with source maps, for reading a CPU profile of the `page` bench by function
 * name (diagnosis only; the figures come from the real, minified build):
 *   RELANCE_OUT_DIR=/tmp/relance-out-profile npx wxt build -c test/bench/wxt.profile.config.ts
 *   node --import tsx test/bench/index.ts --only page --runs 1 --dist /tmp/relance-out-profile/chrome-mv3
 */
export default {
  ...config,
  root: '.',
  vite: () => ({ build: { minify: false, sourcemap: true } }),
};
