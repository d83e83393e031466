/**
 * The stages of the micro-batch runner that process a batch's elements: stateless {@code ParDo}s
 * and window assignment (fusible, see {@link dev.weir.runners.microbatch.execution.FusedStages}),
 * keyed steps partitioned over the workers (grouping and stateful {@code ParDo}s, each partition
 * driving a shared execution core), views, flattens and transactional sinks. Internal to the runner;
 * the batch loop in {@code dev.weir.runners.microbatch.execution} drives them.
 */
package dev.weir.runners.microbatch.stages;
