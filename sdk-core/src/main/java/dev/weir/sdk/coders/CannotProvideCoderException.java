package dev.weir.sdk.coders;

/**
 * A {@link CoderRegistry} or {@link CoderProvider} could not supply a coder for a type. The message
 * names the type (and, for a generic type, the component that failed) and how to fix it; {@link
 * #getReason()} classifies the failure.
 */
public class CannotProvideCoderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ReasonCode reason;

  public CannotProvideCoderException(String message) {
    this(message, ReasonCode.UNKNOWN);
  }

  public CannotProvideCoderException(String message, ReasonCode reason) {
    super(message);
    this.reason = reason;
  }

  public CannotProvideCoderException(String message, Throwable cause) {
    this(message, cause, ReasonCode.UNKNOWN);
  }

  public CannotProvideCoderException(String message, Throwable cause, ReasonCode reason) {
    super(message, cause);
    this.reason = reason;
  }

  public CannotProvideCoderException(Throwable cause) {
    this(cause, ReasonCode.UNKNOWN);
  }

  public CannotProvideCoderException(Throwable cause, ReasonCode reason) {
    super(cause);
    this.reason = reason;
  }

  /** Why no coder could be provided. */
  public ReasonCode getReason() {
    return reason;
  }

  /**
   * The innermost cause of a chain of these exceptions (for a failed {@code List<KV<K, Foo>>}, the
   * one about {@code Foo}), or this exception when it has no cause.
   */
  public Throwable getRootCause() {
    Throwable cause = getCause();
    if (cause == null) {
      return this;
    }
    return cause instanceof CannotProvideCoderException
        ? ((CannotProvideCoderException) cause).getRootCause()
        : cause;
  }

  /** The classes of failure to provide a coder. */
  public enum ReasonCode {
    /** No more specific reason is known. */
    UNKNOWN,
    /** The type is, or contains, a type variable whose actual type was erased at compile time. */
    TYPE_ERASURE,
    /** A type variable is bound to several different coders by the known coders of other types. */
    OVER_SPECIFIED
  }
}
