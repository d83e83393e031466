package dev.weir.sdk.coders;

import java.io.IOException;

/** An element could not be encoded or decoded; the message names the coder and the problem. */
public class CoderException extends IOException {
  private static final long serialVersionUID = 1L;

  public CoderException(String message) {
    super(message);
  }

  public CoderException(String message, Throwable cause) {
    super(message, cause);
  }

  public CoderException(Throwable cause) {
    super(cause);
  }

  /** The failure of a coder that does not accept null, with the fix in the message. */
  static CoderException cannotEncodeNull(String typeName) {
    return new CoderException("cannot encode a null " + typeName + "; wrap the coder in NullableCoder");
  }
}
