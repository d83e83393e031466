package dev.weir.sdk.testing;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import org.joda.time.Instant;

/**
 * One element of a collection as an assertion gathered it: its value with the timestamp, window
 * and pane it had in the collection, kept as data so that a scoped assertion can pick its elements
 * after they have all been regrouped into the global window.
 *
 * <p>Immutable as long as the value is. {@code value} may be null where the collection's coder
 * allows it; the other components are never null. Encoded by {@link ValueInPaneCoder}.
 *
 * @param <T> the type of the value
 */
record ValueInPane<T>(T value, Instant timestamp, BoundedWindow window, PaneInfo pane) {}
