import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rendering real CJK PDFs and calling LibreOffice is slow on 2 cores; these are limits, not timings.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // harfbuzz loaded before each file, so that what typesets in a test shapes as the CLI does (src/fonts/harfbuzz.ts).
    setupFiles: ['test/setup/harfbuzz.ts'],
  },
});
