/**
 * Side inputs served from memory: {@link dev.weir.runtime.sideinputs.InMemorySideInputReader} holds
 * the materialized elements of each view's collection by window and applies the view's
 * {@link dev.weir.sdk.transforms.ViewFn} on first read of a window.
 *
 * <p>Readers are thread-safe; any number of DoFn runners may read them at once. Part of the
 * execution core: not API.
 */
package dev.weir.runtime.sideinputs;
