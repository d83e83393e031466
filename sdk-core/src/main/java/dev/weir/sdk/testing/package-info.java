/**
 * Testing pipelines: {@link dev.weir.sdk.testing.TestPipeline} (a JUnit 5 extension), {@link
 * dev.weir.sdk.testing.PAssert} (assertions on collections, checked by the runner) and {@link
 * dev.weir.sdk.testing.ValidatesRunner} (the tag of the runner-validation suite), as in Beam's
 * {@code org.apache.beam.sdk.testing}.
 *
 * <p>Public API: those three, {@link dev.weir.sdk.testing.SerializableMatcher}, {@link
 * dev.weir.sdk.testing.SerializableMatchers}, and the crash-testing machinery: {@link
 * dev.weir.sdk.testing.ChildJvm} (a main class in a child JVM, killed with {@code SIGKILL}) and
 * {@link dev.weir.sdk.testing.CrashTester} (kills it at moments drawn from a seed and restarts it
 * until it finishes), with which the {@code chaos} example crash-tests the streaming runners and
 * users crash-test their own pipelines. Everything else here is internal.
 *
 * <p>Where Weir differs from Beam, and why:
 *
 * <ul>
 *   <li>{@code TestPipeline} is a JUnit 5 extension ({@code @RegisterExtension}) instead of a JUnit
 *       4 rule. Its options come from the system properties {@code weir.runner} and {@code
 *       weir.testPipelineOptions} (Beam: {@code beamTestPipelineOptions} only), and it turns on the
 *       direct runner's immutability and encodability checks unless those flags set them.
 *   <li>A failed assertion surfaces as the runner's {@code PipelineExecutionException} with the
 *       {@code AssertionError} as its cause (Beam's {@code TestPipeline} unwraps it); its message
 *       names the assertion ({@code PAssert$N}), the declaring line, the expected and actual values.
 *   <li>Assertions are checked on a side input in the global window, after each element's window
 *       and pane were recorded as data; a scoped assertion ({@code inWindow}, {@code inOnTimePane},
 *       ...) picks its elements there, with Beam's rules per pane timing, and its failure message
 *       says the scope. As in Beam, {@code SingletonAssert} has {@code inOnlyPane} but no {@code
 *       inWindow}, and a window that is not of the collection's {@code WindowFn} is rejected when
 *       the assertion is declared.
 *   <li>{@code thatMultimap(...).isEqualTo(...)} compares each key's values ignoring their order
 *       (the actual map's values are multisets).
 *   <li>{@code containsInAnyOrder} compares with {@code equals} in linear time and names the missing
 *       and the unexpected elements.
 * </ul>
 */
package dev.weir.sdk.testing;
