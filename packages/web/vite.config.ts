import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is served by `dxmon serve` from packages/web/dist; in development `vite` proxies the
// API to a running `dxmon serve` on port 8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
