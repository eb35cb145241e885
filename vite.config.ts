import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The SPA lives in web/; the server serves web/dist. In dev, /api goes to a running server (API_PORT). */
export default defineConfig({
  root: path.join(here, 'web'),
  plugins: [react()],
  build: {
    outDir: path.join(here, 'web/dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` },
  },
});
