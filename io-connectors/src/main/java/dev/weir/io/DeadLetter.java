package dev.weir.io;

import dev.weir.sdk.util.SerializedRecord;
import java.io.Serializable;
import java.util.Objects;

/**
 * An input line that could not be turned into an element, with where it came from and why: an
 * element of {@link JsonIO.ReadResult#deadLetters()}. Encoded by {@link DeadLetterCoder}
 * (deterministic). Immutable; every component is non-null.
 *
 * <p>Jackson serializes it as {@code {"line":..,"file":..,"lineNumber":..,"error":..}}, so
 * {@code deadLetters.apply(JsonIO.<DeadLetter>write().to(prefix))} stores them as JSON lines.
 *
 * @param line the raw line, without its terminator
 * @param file the path of the file it was read from, as the file pattern matched it
 * @param lineNumber its 1-based line number in that (decompressed) file
 * @param error why it was rejected: the parser's or binder's message, with the column where known
 */
public record DeadLetter(String line, String file, long lineNumber, String error) implements Serializable {
  private Object writeReplace() {
    return SerializedRecord.of(this);
  }

  public DeadLetter {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(error, "error");
  }
}
