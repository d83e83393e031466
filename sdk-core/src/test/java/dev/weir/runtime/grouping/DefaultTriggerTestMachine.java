package dev.weir.runtime.grouping;

import dev.weir.runtime.triggers.TriggerState;
import dev.weir.runtime.triggers.TriggerStateMachine;
import dev.weir.runtime.triggers.TriggerTime;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.joda.time.Instant;

/**
 * A test-only machine for the default trigger (fire whenever the input watermark is past the end
 * of the window, never finish), so the grouping core's tests do not depend on the trigger package's
 * machines for the simplest case.
 */
final class DefaultTriggerTestMachine implements TriggerStateMachine {
  static final DefaultTriggerTestMachine INSTANCE = new DefaultTriggerTestMachine();

  private static final TriggerState STATE = new TriggerState() {
    @Override
    public String toString() {
      return "DefaultTriggerTestMachine.STATE";
    }
  };

  private DefaultTriggerTestMachine() {}

  @Override
  public TriggerState initialState() {
    return STATE;
  }

  @Override
  public TriggerState onElement(TriggerState state, BoundedWindow window, TriggerTime time) {
    return STATE;
  }

  @Override
  public TriggerState onMerge(List<TriggerState> mergingStates, BoundedWindow mergedWindow, TriggerTime time) {
    return STATE;
  }

  @Override
  public boolean shouldFire(TriggerState state, BoundedWindow window, TriggerTime time) {
    return time.inputWatermark().isAfter(window.maxTimestamp());
  }

  @Override
  public TriggerState onFire(TriggerState state, BoundedWindow window, TriggerTime time) {
    return STATE;
  }

  @Override
  public boolean isFinished(TriggerState state) {
    return false;
  }

  @Override
  public Instant nextProcessingTimeDeadline(TriggerState state) {
    return null;
  }

  @Override
  public Instant nextSynchronizedProcessingTimeDeadline(TriggerState state) {
    return null;
  }

  @Override
  public Coder<TriggerState> stateCoder() {
    return new Coder<TriggerState>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void encode(TriggerState value, OutputStream out) {}

      @Override
      public TriggerState decode(InputStream in) {
        return STATE;
      }

      @Override
      public void verifyDeterministic() {}
    };
  }
}
