/** Wall time, CPU time and peak memory of this process, worker threads included: the hidden `--stats` line the benchmark reads. */
export function statsLine(wallMs: number): string {
  const usage = process.resourceUsage();
  const stats = { wallMs: Math.round(wallMs), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000), maxRssKb: usage.maxRSS };
  return `proofmark-stats ${JSON.stringify(stats)}\n`;
}
