/**
 * Browser APIs jsdom lacks that Fluent UI v9 uses (positioning of dropdown popovers observes
 * element sizes). Imported for its side effect by renderPane.tsx, before any component renders.
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as unknown as { ResizeObserver?: unknown };
if (g.ResizeObserver === undefined) g.ResizeObserver = ResizeObserverStub;
