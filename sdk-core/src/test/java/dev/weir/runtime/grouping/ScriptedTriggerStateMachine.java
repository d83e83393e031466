package dev.weir.runtime.grouping;

import dev.weir.runtime.triggers.TriggerState;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.triggers.TriggerTime;
import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Instant;

/**
 * A trigger whose answers the test sets: whether it asks to fire, whether a firing finishes it, and
 * processing times at which it wants to be asked again (so that a test can have a window's
 * trigger consulted while no element and no watermark arrives). It stands for "any trigger" where
 * a test pins how the grouping core reacts to a trigger's decisions rather than to one trigger's
 * rules. The answers hold for every window until the test changes them; only whether a window's
 * trigger has finished is per-window state (and goes into snapshots). Not thread-safe.
 */
final class ScriptedTriggerStateMachine implements TriggerStateMachine {
  private static final Finished OPEN = new Finished(false);
  private static final Finished DONE = new Finished(true);

  private boolean fires;
  private boolean finishesWhenFired;
  private final List<Instant> deadlines = new ArrayList<>();
  /** The latest processing time the core asked this trigger at: earlier deadlines have passed. */
  private Instant latestProcessingTime = BoundedWindow.TIMESTAMP_MIN_VALUE;

  /** From now on the trigger asks to fire whenever the core asks it (while it is not finished). */
  ScriptedTriggerStateMachine firing(boolean newFires) {
    this.fires = newFires;
    return this;
  }

  /** From now on a firing finishes the window's trigger. */
  ScriptedTriggerStateMachine finishingWhenFired() {
    this.finishesWhenFired = true;
    return this;
  }

  /** Every unfinished window wants to be asked again at each of these processing times (ascending). */
  ScriptedTriggerStateMachine askedAgainAt(long... times) {
    for (long time : times) {
      deadlines.add(new Instant(time));
    }
    return this;
  }

  @Override
  public TriggerState initialState() {
    return OPEN;
  }

  @Override
  public TriggerState onElement(TriggerState state, BoundedWindow window, TriggerTime time) {
    see(time);
    return state;
  }

  @Override
  public TriggerState onMerge(List<TriggerState> mergingStates, BoundedWindow mergedWindow, TriggerTime time) {
    see(time);
    return OPEN;
  }

  @Override
  public boolean shouldFire(TriggerState state, BoundedWindow window, TriggerTime time) {
    see(time);
    return fires && !isFinished(state);
  }

  @Override
  public TriggerState onFire(TriggerState state, BoundedWindow window, TriggerTime time) {
    see(time);
    return finishesWhenFired ? DONE : state;
  }

  @Override
  public boolean isFinished(TriggerState state) {
    return ((Finished) state).finished();
  }

  @Override
  public Instant nextProcessingTimeDeadline(TriggerState state) {
    if (isFinished(state)) {
      return null;
    }
    for (Instant deadline : deadlines) {
      if (deadline.isAfter(latestProcessingTime)) {
        return deadline;
      }
    }
    return null;
  }

  @Override
  public Instant nextSynchronizedProcessingTimeDeadline(TriggerState state) {
    return null;
  }

  private void see(TriggerTime time) {
    if (time.processingTime().isAfter(latestProcessingTime)) {
      latestProcessingTime = time.processingTime();
    }
  }

  @Override
  public Coder<TriggerState> stateCoder() {
    return new FinishedCoder();
  }

  /** The per-window state: whether the trigger has finished in the window. */
  private record Finished(boolean finished) implements TriggerState {}

  /** Encodes a window's state as one byte. */
  private static final class FinishedCoder extends AtomicCoder<TriggerState> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(TriggerState value, OutputStream out) throws IOException {
      out.write(((Finished) value).finished() ? 1 : 0);
    }

    @Override
    public TriggerState decode(InputStream in) throws IOException {
      return in.read() == 1 ? DONE : OPEN;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
