import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * What Kiln is doing, for error messages: a call site says it once (`activity('reading layer
 * sha256:… of base …', fn)`) and every registry request made inside, however deep, names it
 * when it fails. Async context rather than a parameter, so the layers in between (store,
 * repository, transport) need not pass it along.
 */
const labels = new AsyncLocalStorage<readonly string[]>();

/** Runs `fn` with `label` describing what it does; nested labels read outermost first. */
export function activity<T>(label: string, fn: () => Promise<T>): Promise<T> {
  return labels.run([...(labels.getStore() ?? []), label], fn);
}

/** The labels around the caller, joined (`baking app: reading layer …`), if any. */
export function currentActivity(): string | undefined {
  const stack = labels.getStore();
  return stack?.length ? stack.join(': ') : undefined;
}
