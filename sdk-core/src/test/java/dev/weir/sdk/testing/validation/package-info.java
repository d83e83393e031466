/**
 * The runner-validation suite for event time: one subject per test class (window fns, triggers,
 * panes, lateness, sessions, timestamp combiners, state and timers, side inputs in windows), each
 * test a specification written only with {@link dev.weir.sdk.testing.TestPipeline}, {@link
 * dev.weir.sdk.testing.PAssert} and {@link dev.weir.sdk.testing.TestStream}, tagged {@link
 * dev.weir.sdk.testing.ValidatesRunner} so that every runner module runs it against itself.
 *
 * <p>The expected outputs are Beam's. Scripts rely on one property of {@code TestStream} that every
 * runner must honour: each event is processed completely (including the triggers and timers it
 * makes due) before the next one, so elements added by separate {@code addElements} calls are never
 * seen by a trigger together.
 */
package dev.weir.sdk.testing.validation;
