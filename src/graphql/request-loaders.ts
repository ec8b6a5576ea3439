import type { DataSource } from 'typeorm';

/** A per-request loader that a module owns: its name (for debugging) and how to make it. */
export interface LoaderKind<T> {
  readonly name: string;
  make(dataSource: DataSource): T;
}

export function loaderKind<T>(name: string, make: (dataSource: DataSource) => T): LoaderKind<T> {
  return { name, make };
}

/**
 * The request's DataLoaders. The kernel knows none of them: each module declares its own with
 * `loaderKind` and asks for it here; it is made on first use and kept for the rest of the request,
 * so nested fields cost one query per level, not one per row. A read routed to a replica starts a
 * fresh set on the replica's data source.
 */
export class RequestLoaders {
  private readonly made = new Map<LoaderKind<unknown>, unknown>();

  constructor(readonly dataSource: DataSource) {}

  of<T>(kind: LoaderKind<T>): T {
    let loader = this.made.get(kind) as T | undefined;
    if (loader === undefined) {
      loader = kind.make(this.dataSource);
      this.made.set(kind, loader);
    }
    return loader;
  }
}
