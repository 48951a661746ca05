import { defineConfig } from "vite";

// A static page: `vite build` writes dashboard/dist, which any static file server can serve
// (scripts/dashboard.sh uses `vite preview`). Relative asset paths let it live under any
// path, for example behind a reverse proxy.
export default defineConfig({
  base: "./",
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    // Chart.js is most of the bundle; one chunk of about 200 kB is fine for a dashboard.
    chunkSizeWarningLimit: 400,
  },
  preview: {
    host: "127.0.0.1",
    strictPort: true,
  },
});
