import type * as zod from 'zod';
import type { Issue } from '../../contracts/errors';
import type { Db } from './db';
import { type Table, validateRows } from './files';

/**
 * Long work in turns of the event loop. PGlite runs inside the server's process and each of its statements
 * runs to the end without letting anything else happen; chained with `await` only, a long import would
 * never let the loop read a socket or fire a timer until it ends, and every other request would wait (or
 * time out) — even a health check. Giving the loop a turn (setImmediate) between statements and between
 * slices of CPU work lets other requests in. On PostgreSQL the statements already wait on the network, so
 * a turn costs next to nothing there.
 */

/** Let timers and sockets run before going on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same handle, but every statement (`execute`) is followed by a turn of the event loop, and so is every
 * statement of a transaction opened through it.
 */
export function inTurns<T extends Db>(db: T): T {
  return new Proxy(db, {
    get(target, prop, recv) {
      if (prop === 'execute')
        return async (...args: unknown[]) => {
          const r = await Reflect.apply(target.execute, target, args);
          await nextTurn();
          return r;
        };
      if (prop === 'transaction')
        return (fn: (tx: Db) => Promise<unknown>, ...rest: unknown[]) =>
          Reflect.apply(target.transaction, target, [(tx: Db) => fn(inTurns(tx)), ...rest]);
      return Reflect.get(target, prop, recv);
    },
  });
}

/** `validateRows` in slices of `slice` rows with a turn of the event loop between them; same result. */
export async function validateRowsInTurns<T>(
  table: Table,
  schema: zod.ZodType<T>,
  progress?: (done: number, total: number) => void,
  slice = 2000,
): Promise<{ valid: { line: number; value: T }[]; issues: Issue[] }> {
  const valid: { line: number; value: T }[] = [];
  const issues: Issue[] = [];
  for (let i = 0; i < table.rows.length || i === 0; i += slice) {
    const part = validateRows({ columns: table.columns, rows: table.rows.slice(i, i + slice) }, schema);
    valid.push(...part.valid);
    issues.push(...part.issues);
    progress?.(Math.min(i + slice, table.rows.length), table.rows.length);
    await nextTurn();
  }
  return { valid, issues };
}
