/**
 * The element as the execution core sees it: {@link dev.weir.runtime.values.WindowedValue}, a value
 * with its timestamp, windows and pane. Internal to runners and the core; not API.
 */
package dev.weir.runtime.values;
