/**
 * What every runner does the same way with sources: how a bounded source is cut among parallel
 * readers ({@link dev.weir.runtime.sources.BoundedSourceSplits}). Part of the execution core: not API.
 */
package dev.weir.runtime.sources;
