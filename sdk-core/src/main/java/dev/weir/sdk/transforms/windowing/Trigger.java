package dev.weir.sdk.transforms.windowing;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * Decides when the buffered elements of a window are emitted as a pane: after the watermark passes
 * the window's end, after a number of elements, after processing time passes, or combinations.
 *
 * <p>A trigger is an immutable description; the execution core runs one state machine per
 * trigger, key and window. Triggers compose: {@link Repeatedly}, {@link AfterEach},
 * {@link AfterFirst}, {@link AfterAll}, {@link #orFinally}.
 */
public abstract class Trigger implements Serializable {
  private static final long serialVersionUID = 1L;

  protected final ImmutableList<Trigger> subTriggers;

  protected Trigger(List<Trigger> subTriggers) {
    this.subTriggers = ImmutableList.copyOf(subTriggers);
  }

  protected Trigger() {
    this(ImmutableList.of());
  }

  /** The triggers this trigger is composed of, in order. */
  public List<Trigger> subTriggers() {
    return subTriggers;
  }

  /**
   * The watermark at which this trigger is sure to have fired for {@code window}, or
   * {@link BoundedWindow#TIMESTAMP_MAX_VALUE} if no watermark guarantees it.
   */
  public abstract Instant getWatermarkThatGuaranteesFiring(BoundedWindow window);

  /**
   * The trigger that downstream groupings of this trigger's output use: it fires whenever the
   * panes that this trigger produced may have arrived.
   */
  public Trigger getContinuationTrigger() {
    List<Trigger> continuations = new ArrayList<>();
    for (Trigger sub : subTriggers) {
      continuations.add(sub.getContinuationTrigger());
    }
    return getContinuationTrigger(continuations);
  }

  /** This trigger's continuation, given the continuations of its sub-triggers. */
  protected abstract Trigger getContinuationTrigger(List<Trigger> continuationOfSubTriggers);

  /** Whether this trigger may finish, after which its window emits no more panes. */
  public boolean mayFinish() {
    return false;
  }

  /** Whether this trigger and {@code other} may be used on collections that are flattened together. */
  public boolean isCompatible(Trigger other) {
    if (!getClass().equals(other.getClass()) || subTriggers.size() != other.subTriggers.size()) {
      return false;
    }
    for (int i = 0; i < subTriggers.size(); i++) {
      if (!subTriggers.get(i).isCompatible(other.subTriggers.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Fires as this trigger does until {@code until} fires, then finishes (after a final pane). */
  public OrFinallyTrigger orFinally(OnceTrigger until) {
    return new OrFinallyTrigger(this, until);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass().equals(getClass()) && subTriggers.equals(((Trigger) o).subTriggers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), subTriggers);
  }

  @Override
  public String toString() {
    String name = getClass().getSimpleName();
    return subTriggers.isEmpty() ? name : name + subTriggers;
  }

  /** A trigger that fires at most once and then finishes. */
  public abstract static class OnceTrigger extends Trigger {
    private static final long serialVersionUID = 1L;

    protected OnceTrigger(List<Trigger> subTriggers) {
      super(subTriggers);
    }

    protected OnceTrigger() {
      super();
    }

    @Override
    public final boolean mayFinish() {
      return true;
    }

    @Override
    public final OnceTrigger getContinuationTrigger() {
      Trigger continuation = super.getContinuationTrigger();
      if (!(continuation instanceof OnceTrigger)) {
        throw new IllegalStateException("The continuation of a OnceTrigger must be a OnceTrigger: " + continuation);
      }
      return (OnceTrigger) continuation;
    }
  }
}
