import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite' with { 'resolution-mode': 'import' };

/**
 * Compiles Vega-Lite to Vega and renders it headless to SVG with Vega's `View.toSVG()` (renderer "none": no
 * canvas, text widths estimated). Runs in one worker thread, started on first use, because:
 * - rendering is CPU-bound (tens of ms per chart) and would otherwise stall every request on the event loop;
 * - vega and vega-lite are ES modules only, and a worker loads them with Node's own `import()` whatever loaded
 *   this CommonJS module (jest's module sandbox cannot import ES modules without an experimental flag).
 * The worker holds the process open only while a chart is being rendered.
 */
export class ChartRenderer {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(svg: string): void; reject(error: Error): void }>();

  /** The SVG document of a complete Vega-Lite spec (data inline). */
  render(spec: TopLevelSpec): Promise<string> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, spec });
    });
  }

  /** Stops the worker; charts being rendered fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        vega: pathToFileURL(require.resolve('vega')).href,
        vegaLite: pathToFileURL(require.resolve('vega-lite')).href,
      },
    });
    worker.unref();
    worker.on('message', (message: { id: number; svg?: string; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.svg !== undefined) waiting.resolve(message.svg);
      else waiting.reject(new Error(`Chart rendering failed: ${message.error ?? 'unknown error'}`));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('The chart renderer stopped.')));
    this.worker = worker;
    return worker;
  }
}

// The worker's code: plain JavaScript run by Node in the worker thread (not compiled, not in jest's sandbox).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const modules = Promise.all([import(workerData.vega), import(workerData.vegaLite)]);
parentPort.on('message', async ({ id, spec }) => {
  try {
    const [vega, vegaLite] = await modules;
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    try {
      parentPort.postMessage({ id, svg: await view.toSVG() });
    } finally {
      view.finalize();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;
