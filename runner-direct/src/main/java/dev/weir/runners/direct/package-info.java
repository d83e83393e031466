/**
 * The direct runner: {@link dev.weir.runners.direct.DirectRunner}, its options
 * ({@link dev.weir.runners.direct.DirectOptions}), its registrars and its result. The execution
 * itself lives in {@code dev.weir.runners.direct.execution}.
 */
package dev.weir.runners.direct;
