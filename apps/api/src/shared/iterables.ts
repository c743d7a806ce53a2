/**
 * The items of `source`, read from it only as they are first asked for and kept: iterated again
 * (a transaction run again, say), the same items come back, and nothing is read twice.
 */
export function readOnce<T>(source: Iterator<T>): Iterable<T> {
  const read: T[] = [];
  let done = false;
  return {
    *[Symbol.iterator]() {
      for (let i = 0; ; i++) {
        if (i < read.length) {
          yield read[i]!;
          continue;
        }
        if (done) return;
        const next = source.next();
        if (next.done) {
          done = true;
          return;
        }
        read.push(next.value);
        yield next.value;
      }
    },
  };
}
