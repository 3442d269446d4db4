// Disposal helpers, as in VS Code's built-in extensions: a base class that
// collects what a component owns and disposes all of it once. Pure: no
// `vscode` import (anything with a `dispose()` method qualifies).

/** Anything that can be disposed (a vscode.Disposable, an EventEmitter, a Worker wrapper…). */
export interface IDisposable {
  dispose(): void;
}

/** Disposes every item in order, emptying the list. */
export function disposeAll(disposables: IDisposable[]): void {
  for (const d of disposables.splice(0)) d.dispose();
}

/** A component that owns disposables: `_register` them, and `dispose()` releases them all, once. */
export abstract class Disposable implements IDisposable {
  private _isDisposed = false;
  /** What this component owns, disposed in order of registration. */
  protected readonly _disposables: IDisposable[] = [];

  /** Disposes everything registered; later calls do nothing. */
  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables);
  }

  /** Takes ownership of `value` (disposed at once when this is already disposed) and returns it. */
  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }

  /** Whether dispose() has run. */
  protected get isDisposed(): boolean {
    return this._isDisposed;
  }
}
