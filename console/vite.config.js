import { defineConfig } from 'vite';

// The gateway serves the built files at /console/; `npm run dev` proxies the API to a
// suite started with `make run`.
export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/console/settings.json': 'http://127.0.0.1:8080' } },
});
