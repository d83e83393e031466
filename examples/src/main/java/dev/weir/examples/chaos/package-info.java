/**
 * The {@code chaos} command and the exactly-once demonstration pipeline it crash-tests: the
 * generator with per-key sequence numbers, a stateful running total per key, exactly-once file
 * output ({@link dev.weir.examples.chaos.ChaosPipeline}), the checker that names every record lost,
 * duplicated or wrong in the committed output ({@code ChaosChecker}), and the command that kills and
 * restarts the pipeline in a child JVM through {@link dev.weir.sdk.testing.CrashTester}
 * ({@link dev.weir.examples.chaos.Chaos}).
 */
package dev.weir.examples.chaos;
