/**
 * Runnable examples, packaged as {@code examples/target/weir-examples.jar}: Beam's word counts with
 * their imports changed, and a streaming example with early, on-time and late panes. {@link
 * dev.weir.examples.Main} lists and runs them. Examples may use every module.
 */
package dev.weir.examples;
