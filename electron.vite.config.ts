import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Three builds: the Electron main process (which bundles the backend), the
// sandboxed preload (must be CommonJS: Electron cannot load an ES module as a
// sandboxed preload), and the renderer, which browser mode serves as well.
export default defineConfig({
  main: {
    build: {
      // The parser's worker thread is an entry of its own, built beside index.js
      // (src/backend/worker-parser.ts loads ./parse-worker.js from there).
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'parse-worker': resolve('src/backend/parse-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react()],
  },
})
