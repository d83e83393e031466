/**
 * The {@code bench} command of the examples jar: the throughput workloads of {@code WORKLOADS.md}
 * as pipelines over the benchmark generator, their checksum computed in the pipeline, and the plain
 * single-threaded loop that {@code --verify} checks them against.
 */
package dev.weir.examples.bench;
