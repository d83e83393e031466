/**
 * Running user {@code DoFn}s: the one place every runner goes through to call them.
 *
 * <p>{@link dev.weir.runtime.dofn.DoFnInvokers} turns a DoFn class's annotated methods into
 * method handles once per class; {@link dev.weir.runtime.dofn.SimpleDoFnRunner} drives one
 * instance over bundles (window explosion, side inputs, output timestamps and tags, wrapping of
 * user exceptions); {@link dev.weir.runtime.dofn.DoFnLifecycle} calls {@code @Setup} and
 * {@code @Teardown} for the runner that owns an instance. DoFns with state, timers or
 * {@code @OnWindowExpiration} run through {@code dev.weir.runtime.state.StatefulDoFnCore} instead,
 * which uses this package's invoker. The package is passive: no threads,
 * no clocks; output leaves through an {@link dev.weir.runtime.dofn.OutputManager}.
 *
 * <p>For runners only; pipelines never see it. Where Weir is stricter than Beam: output to a tag
 * the ParDo did not declare fails at once (Beam accepted up to 1000 undeclared tags).
 */
package dev.weir.runtime.dofn;
