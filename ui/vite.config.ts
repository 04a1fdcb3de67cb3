// Builds the UI into dist/ui (or FLOTILLA_UI_OUT), where the api-server serves it from.
import react from '@vitejs/plugin-react';
import { join } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: process.env.FLOTILLA_UI_OUT ?? join(import.meta.dirname, '..', 'dist', 'ui'),
    emptyOutDir: true,
    // The api-server's static handler knows a build by its manifest.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
  },
  // `vite dev`: the API of a running api-server (npm start's default port).
  server: { proxy: { '/api': process.env.FLOTILLA_UI_API ?? 'http://127.0.0.1:8080', '/auth': process.env.FLOTILLA_UI_API ?? 'http://127.0.0.1:8080' } },
});
