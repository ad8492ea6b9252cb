// CPU time of this process, for growth assertions. Wall time is no use on a busy machine: a short
// run fits in one scheduler slice while a long one is preempted, so a wall-time ratio grows with load.
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
