/**
 * The one graph every runner translates: a pipeline's {@link dev.weir.sdk.runners.TransformHierarchy}
 * reduced to its primitive steps in topological order ({@link dev.weir.runtime.graph.PipelineGraph}),
 * with a Graphviz rendering for {@code --dumpGraph}, and its {@link
 * dev.weir.runtime.graph.GraphFingerprint} (step names, primitives, collection names, coders), which
 * checkpoints record so that a restart with a changed graph stops naming what changed.
 *
 * <p>Used by runners, once per run, on the thread that starts the run; the graph is immutable
 * afterwards and may be read from any thread. Part of the execution core: not API, and it never
 * imports a runner or a connector.
 */
package dev.weir.runtime.graph;
