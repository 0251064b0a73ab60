import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `pnpm dev` serves the app with hot reload and sends `/v1` and the sign-in settings to a platform started with
// `pnpm start` (whose OpenID provider accepts this origin's callback).
export default defineConfig(({ command }) => {
  // A build started under a test runner inherits NODE_ENV=test, which would bundle React's development build
  // (and its development JSX transform); Vite reads NODE_ENV only after this file, so a build is always production.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true },
    server: {
      proxy: Object.fromEntries(
        ['/v1', '/auth-config.json'].map((path) => [path, `http://localhost:${process.env.PORT ?? '3000'}`]),
      ),
    },
  };
});
