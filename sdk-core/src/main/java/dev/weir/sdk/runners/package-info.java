/**
 * What runners need from the SDK: the {@code PipelineRunnerRegistrar} service that makes a runner
 * selectable with {@code --runner}, and the {@code TransformHierarchy} of applied transforms that
 * a runner translates.
 */
package dev.weir.sdk.runners;
