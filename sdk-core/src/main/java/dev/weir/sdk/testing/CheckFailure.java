package dev.weir.sdk.testing;

/**
 * A failed check detected by PAssert's own code (a matcher's mismatch, contents of the wrong
 * shape), whose message says all there is: {@link AssertionSite#wrap} does not keep it as the
 * cause, whose stack would only show PAssert's internals.
 */
final class CheckFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  CheckFailure(String message) {
    super(message);
  }
}
