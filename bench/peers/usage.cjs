// Preloaded (node --require) into every process the benchmark times: at exit it writes the
// whole process's peak resident memory and CPU time (main thread and worker threads) as JSON
// to the file named by CROSSCHECK_BENCH_USAGE, so the processes are measured alike.
const fs = require('fs');

const file = process.env.CROSSCHECK_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ maxRssBytes: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
