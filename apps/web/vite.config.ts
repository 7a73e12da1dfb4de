import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      // dist/ like every other package: ignored by git and Prettier, cached by turbo.
      buildDirectory: 'dist',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  // Pre-bundle graphql, or the dev server's first visit reloads the page (STACK.md pitfall 9).
  optimizeDeps: { include: ['graphql'] },
  // The memo converter runs on the server only and brings its own dependencies (mammoth): load it
  // from node_modules at run time instead of bundling it.
  ssr: { external: ['@ake/memo'] },
  server: { host: '127.0.0.1', port: Number(process.env.WEB_PORT ?? 3000) },
});
