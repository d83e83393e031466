/**
 * The continuous runner: a pipeline runs as a job of long-lived operator threads that process one
 * record at a time, connected by bounded channels, with in-band watermarks and aligned barrier
 * checkpoints (the model of Apache Flink). Entry points: {@link
 * dev.weir.runners.continuous.ContinuousRunner}, {@link dev.weir.runners.continuous.ContinuousOptions},
 * {@link dev.weir.runners.continuous.ContinuousPipelineResult}; the rest is internal.
 */
package dev.weir.runners.continuous;
