/**
 * What every runner's {@link dev.weir.sdk.PipelineResult} shares: the lifecycle of one run on its
 * own thread ({@link dev.weir.runtime.jobs.JobRun}).
 */
package dev.weir.runtime.jobs;
