package dev.weir.sdk.transforms.windowing;

import java.io.InputStream;
import java.io.OutputStream;
import org.joda.time.Duration;
import org.joda.time.Instant;

/** The one window that spans all of time; the default window of every element. */
public final class GlobalWindow extends BoundedWindow {
  /** The singleton instance. */
  public static final GlobalWindow INSTANCE = new GlobalWindow();

  // One day before the end of time, as in Beam, so that timers set for the end of the window
  // can still fire before the watermark reaches its final value.
  private static final Instant END_OF_GLOBAL_WINDOW =
      BoundedWindow.TIMESTAMP_MAX_VALUE.minus(Duration.standardDays(1));

  private GlobalWindow() {}

  @Override
  public Instant maxTimestamp() {
    return END_OF_GLOBAL_WINDOW;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GlobalWindow;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }

  /** The coder of the global window: zero bytes. */
  public static final class Coder extends dev.weir.sdk.coders.Coder<GlobalWindow> {
    private static final long serialVersionUID = 1L;
    /** The singleton instance. */
    public static final Coder INSTANCE = new Coder();

    private Coder() {}

    @Override
    public void encode(GlobalWindow value, OutputStream out) {}

    @Override
    public GlobalWindow decode(InputStream in) {
      return GlobalWindow.INSTANCE;
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
