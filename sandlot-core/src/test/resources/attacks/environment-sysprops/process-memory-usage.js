// why: process.memoryUsage() must not measure the host (its heap, its RSS, other guests): it is a fixed baseline
// why: plus what this script's thread has allocated, so a fresh script sees the same few MiB whatever the host holds
// expect: ok
// value: [true, true, true]
const usage = process.memoryUsage();
[usage.heapUsed < 12 * 1024 * 1024, usage.rss - usage.heapTotal === 40 * 1024 * 1024,
  usage.external === 1024 * 1024]
