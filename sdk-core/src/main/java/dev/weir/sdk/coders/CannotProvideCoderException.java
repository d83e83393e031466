package dev.weir.sdk.coders;

/** INTERIM (replaced by the coders branch): no coder can be provided for a type. */
public class CannotProvideCoderException extends Exception {
  private static final long serialVersionUID = 1L;

  public CannotProvideCoderException(String message) {
    super(message);
  }

  public CannotProvideCoderException(String message, Throwable cause) {
    super(message, cause);
  }
}
