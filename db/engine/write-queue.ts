/**
 * Runs jobs one after another, in the order they were asked for: the next starts once the previous
 * has settled, whether it succeeded or failed. A failure reaches its own caller only.
 */
export function writeQueue(): <T>(job: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}
