package dev.weir.sdk.state;

import dev.weir.sdk.util.SerializedRecord;
import java.util.Objects;

/** Factories of {@link TimerSpec}s. */
public final class TimerSpecs {
  private TimerSpecs() {}

  /** A timer in {@code timeDomain}. */
  public static TimerSpec timer(TimeDomain timeDomain) {
    return new SimpleTimerSpec(Objects.requireNonNull(timeDomain, "timeDomain"));
  }

  /** A timer spec that is just its time domain. */
  private record SimpleTimerSpec(TimeDomain timeDomain) implements TimerSpec {
    private static final long serialVersionUID = 1L;

    private Object writeReplace() {
      return SerializedRecord.of(this);
    }

    @Override
    public TimeDomain getTimeDomain() {
      return timeDomain;
    }

    @Override
    public String toString() {
      return "TimerSpecs.timer(" + timeDomain + ")";
    }
  }
}
