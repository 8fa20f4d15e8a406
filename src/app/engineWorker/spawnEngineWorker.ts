/**
 * Starts the engine worker. Its own module, loaded with `import()` by the pane's composition
 * root only where `Worker` exists, because `import.meta` is for webpack alone: webpack (ts-loader
 * with `module: es2020`) sees `new Worker(new URL('./engine.worker.ts', import.meta.url))`,
 * bundles engine.worker.ts as a separate same-origin file and puts its URL here; tsc and jest
 * compile this project as CommonJS, where `import.meta` is a syntax error, so they never load it.
 */
import type { EngineWorker } from './protocol';

export function spawnEngineWorker(): EngineWorker {
  // Written inline, as webpack recognises it: `new Worker(new URL(<literal>, import.meta.url))`.
  const worker = new Worker(
    new URL(
      './engine.worker.ts',
      // @ts-expect-error TS1343: tsconfig's `module` is commonjs (jest); webpack compiles this file as an ES module.
      import.meta.url,
    ),
    { name: 'accountdesk-engine' },
  );
  return worker as unknown as EngineWorker;
}
