package dev.weir.runtime.durability;

import java.io.IOException;

/**
 * Signals that a durable file exists but cannot be read as the format expected of it: it is
 * foreign, truncated, damaged, or of a version this build does not read.
 *
 * <p>The message names the file, the format, what was found and what to do; {@link #getSource()}
 * returns the file (or other source) as named in the message.
 */
public final class UnreadableFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;

  UnreadableFileException(String source, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
  }

  /** The file or other source that could not be read, as the caller named it. */
  public String getSource() {
    return source;
  }
}
