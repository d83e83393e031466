/**
 * The values of a pipeline graph: {@code PCollection} and its relatives, {@code KV}, tags, type
 * descriptors and {@code WindowingStrategy}, mirroring {@code org.apache.beam.sdk.values}. Built by
 * one thread while the pipeline is constructed; immutable once the pipeline runs.
 */
package dev.weir.sdk.values;
