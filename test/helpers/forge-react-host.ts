/**
 * `@forge/react` at the module boundary for UI Kit component tests: each named component becomes a
 * plain host element `forge-<name>` carrying its props, so tests read what a page renders and call
 * its handlers without the Forge runtime. Use inside a `jest.mock('@forge/react', …)` factory.
 */
import { createElement } from 'react';

export function forgeReactHostModule(names: readonly string[]) {
  const host = (name: string) => {
    const component = (props: Record<string, unknown>) => createElement(`forge-${name.toLowerCase()}`, props);
    component.displayName = name;
    return component;
  };
  return {
    __esModule: true,
    default: { render: jest.fn() },
    useProductContext: jest.fn(),
    ...Object.fromEntries(names.map((name) => [name, host(name)])),
  };
}
