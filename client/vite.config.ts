import { defineConfig } from 'vite';
import type { PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';

const server = 'http://localhost:3000';

export default defineConfig({
  // The hoisted @vitejs/plugin-react resolves its `vite` types from the root install, which is a
  // different vite major than this workspace's; the plugin itself works with both.
  plugins: [react() as unknown as PluginOption, precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // One chunk per language, fetched only when that language is chosen.
        manualChunks: (id) => /i18n\/messages\/([^/]+)\//.exec(id)?.[1]?.replace(/^/, 'messages-'),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: true },
      '/socket.io': { target: server, ws: true, changeOrigin: true },
    },
  },
});
