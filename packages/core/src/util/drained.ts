import type { EventEmitter } from 'node:events';

/**
 * Waits for a writable that returned false from write() to drain. Rejects if it closes first,
 * so a writer never waits forever on an entry that was torn down.
 */
export function drained(sink: Pick<EventEmitter, 'on' | 'off'>, what = 'tar entry'): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = (): void => {
      sink.off('drain', onDrain);
      sink.off('close', onClose);
    };
    const onDrain = (): void => {
      off();
      resolve();
    };
    const onClose = (): void => {
      off();
      reject(new Error(`${what} closed before its data was written`));
    };
    sink.on('drain', onDrain);
    sink.on('close', onClose);
  });
}
