/**
 * The {@code bench} and {@code latency} commands of the examples jar: the throughput workloads of
 * {@code WORKLOADS.md} as pipelines over the benchmark generator, their checksum computed in the
 * pipeline, and the plain single-threaded loop that {@code --verify} checks them against; the
 * latency workloads at a fixed rate, measured by a transactional sink that stamps each row when it
 * arrives and when its transaction commits.
 */
package dev.weir.examples.bench;
