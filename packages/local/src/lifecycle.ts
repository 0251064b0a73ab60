import { readFileSync } from 'node:fs';

/** The parent pid of `pid`, read from /proc (Linux); undefined where /proc is not available. */
function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat; the command name (field 2) may contain spaces, so split after its `)`.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(parent) ? parent : undefined;
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Calls `onGone` once any process that started this one has exited. `pnpm start` does not pass SIGTERM on
 * to its script, so without this a `kill <pnpm>` would leave the platform and DynamoDB Local running.
 */
export function whenAncestorExits(onGone: () => void, intervalMs = 500): () => void {
  const ancestors: number[] = [];
  for (let pid = process.ppid; pid > 1 && ancestors.length < 16; ) {
    ancestors.push(pid);
    const parent = parentOf(pid);
    if (parent === undefined) break;
    pid = parent;
  }
  const timer = setInterval(() => {
    if (ancestors.some((pid) => !isAlive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
