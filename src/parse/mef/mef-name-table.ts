// Name resolution for MEF's public and private roles (parse stage). Every definition is known by its
// full path (`Tree.Component.name`); public ones also by their bare name, which is their id.
// A reference is looked up in the referring container first, then among public names (a bare
// name) or full paths (a dotted name) — the rule SCRAM applies, after the MEF's section on roles.

import type { MefScope } from './mef-raw.js';

export interface Named {
  readonly name: string;
  readonly scope: MefScope;
}

export function fullPathOf(def: Named): string {
  return def.scope.basePath ? `${def.scope.basePath}.${def.name}` : def.name;
}

/** The id of a definition in the built model: its name if public, its full path if private. */
export function mefIdOf(def: Named): string {
  return def.scope.role === 'public' ? def.name : fullPathOf(def);
}

export class MefNameTable<T extends Named> {
  /**
   * Full path split at its last dot → definition: container path → last segment → definition.
   * Splitting avoids building a path string for each lookup of an undotted name (the common case).
   */
  private readonly byPath = new Map<string, Map<string, T>>();
  private readonly byName = new Map<string, T>();

  /** Registers a definition; returns the earlier definition it clashes with, if any. */
  add(def: T): T | undefined {
    const [container, last] = def.name.includes('.') ? split(def.scope.basePath, def.name) : [def.scope.basePath, def.name];
    const samePath = this.byPath.get(container)?.get(last);
    if (samePath) return samePath;
    if (def.scope.role === 'public') {
      const sameName = this.byName.get(def.name);
      if (sameName) return sameName;
      this.byName.set(def.name, def);
    }
    let local = this.byPath.get(container);
    if (!local) this.byPath.set(container, (local = new Map()));
    local.set(last, def);
    return undefined;
  }

  /** Resolves `reference` as written inside the container `basePath`; `accept` filters by kind. */
  find(reference: string, basePath: string, accept?: (def: T) => boolean): T | undefined {
    if (basePath) {
      const local = reference.includes('.') ? this.atPath(basePath, reference) : this.byPath.get(basePath)?.get(reference);
      if (local && (!accept || accept(local))) return local;
    }
    const global = reference.includes('.') ? this.atPath('', reference) : this.byName.get(reference);
    return global && (!accept || accept(global)) ? global : undefined;
  }

  /** Every definition, for suggestions: [name as written from outside, definition]. */
  *entries(): IterableIterator<[string, T]> {
    for (const local of this.byPath.values()) {
      for (const def of local.values()) yield [def.scope.role === 'public' ? def.name : fullPathOf(def), def];
    }
  }

  /** A private definition whose local name is `name`, for the hint "refer to it by its path". */
  findPrivateByName(name: string): T | undefined {
    for (const local of this.byPath.values()) {
      const def = local.get(name);
      if (def && def.scope.role === 'private' && def.name === name) return def;
    }
    return undefined;
  }

  private atPath(container: string, name: string): T | undefined {
    const [path, last] = split(container, name);
    return this.byPath.get(path)?.get(last);
  }

  /** Whether a fault tree or component with this (possibly partial) path holds any definition. */
  hasContainer(path: string): boolean {
    for (const local of this.byPath.values()) {
      for (const def of local.values()) {
        const base = def.scope.basePath;
        if (base === path || base.endsWith(`.${path}`) || base.startsWith(`${path}.`) || base.includes(`.${path}.`)) return true;
      }
    }
    return false;
  }
}

/** The full path `container.name` split at its last dot. */
function split(container: string, name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return [container, name];
  const head = name.slice(0, dot);
  return [container ? `${container}.${head}` : head, name.slice(dot + 1)];
}
