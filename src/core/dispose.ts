/**
 * Lifetimes without `vscode`: anything with `dispose()` (a vscode.Disposable fits), a base class that
 * owns what it registers, and a small event emitter whose subscriptions are disposables. The core uses
 * these for its events; features and panels extend `Disposable` so one `dispose()` releases everything.
 */

export interface IDisposable {
  dispose(): void;
}

/** Wraps a clean-up function; calling dispose() more than once runs it once. */
export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose() {
      if (done) return;
      done = true;
      dispose();
    },
  };
}

/** Disposes every item, even when one throws; the first error is rethrown afterwards. */
export function disposeAll(items: Iterable<IDisposable>): void {
  const errors: unknown[] = [];
  for (const item of items) {
    try {
      item.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several disposables failed to dispose');
}

/**
 * Base for anything that owns other disposables: `_register` hands ownership over, `dispose()` releases
 * them all in reverse order, once. Registering after disposal disposes the item at once (no leak).
 */
export abstract class Disposable implements IDisposable {
  private _isDisposed = false;
  private readonly _disposables: IDisposable[] = [];

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables.splice(0).reverse());
  }
}

/** Subscribe with a listener; the returned disposable unsubscribes. */
export type Event<T> = (listener: (value: T) => void) => IDisposable;

/** A minimal emitter for core classes (features use vscode.EventEmitter). */
export class Emitter<T> implements IDisposable {
  private readonly listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return toDisposable(() => this.listeners.delete(entry));
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
