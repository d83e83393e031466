/**
 * Reflection over {@code DoFn} classes: {@link dev.weir.sdk.transforms.reflect.DoFnSignatures}
 * parses the annotated methods of a DoFn into a {@link dev.weir.sdk.transforms.reflect.DoFnSignature},
 * rejecting malformed ones with a message that says what to change.
 *
 * <p>Public, as in Beam, because {@code ParDo} validates a DoFn when it is built; runners use
 * the signatures to decide how to call a DoFn.
 */
package dev.weir.sdk.transforms.reflect;
