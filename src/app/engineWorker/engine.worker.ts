/**
 * The engine's Web Worker (webpack bundles it as its own file, same origin as the pane): the
 * engine and the report builder off the pane's thread. No Excel API, no React, no DOM — only
 * the worker global's `postMessage`/`onmessage` around {@link engineWorkerHost}.
 */
import { engineWorkerHost } from './engineWorkerHost';
import type { FromWorker, ToWorker } from './protocol';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { readonly data: ToWorker }) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = engineWorkerHost((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
