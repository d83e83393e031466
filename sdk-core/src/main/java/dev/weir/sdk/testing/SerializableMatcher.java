package dev.weir.sdk.testing;

import java.io.Serializable;
import org.hamcrest.Matcher;

/**
 * A hamcrest {@link Matcher} that can be serialized, so that {@link PAssert} can ship it to the
 * runner and apply it where the collection's contents are gathered.
 *
 * <p>Plain hamcrest matchers are not serializable; make one with {@link
 * SerializableMatchers#fromSupplier}, or use the ready-made ones of {@link SerializableMatchers}.
 * Implementations must be immutable: a runner may apply a deserialized copy on any thread.
 *
 * @param <T> the type of values matched
 */
public interface SerializableMatcher<T> extends Matcher<T>, Serializable {}
