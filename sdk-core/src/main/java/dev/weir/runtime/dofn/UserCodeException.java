package dev.weir.runtime.dofn;

/**
 * Wraps an exception thrown by user code, with the full name of the step that ran it, so that
 * the runner can fail the pipeline with a message naming the transform and the user's exception
 * as the cause.
 */
public final class UserCodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String stepName;

  public UserCodeException(String stepName, Throwable cause) {
    super("Exception in transform '" + stepName + "': " + cause, cause);
    this.stepName = stepName;
  }

  /** The full name of the transform whose user code failed. */
  public String getStepName() {
    return stepName;
  }
}
