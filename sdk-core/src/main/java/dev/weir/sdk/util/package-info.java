/**
 * Small checks the SDK applies while a pipeline is built, such as {@link
 * dev.weir.sdk.util.SerializabilityCheck}. Public because transforms in other packages call them;
 * not meant for user code.
 */
package dev.weir.sdk.util;
