package dev.weir.runtime.dofn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.dofn.DoFnInvoker.BaseArgumentProvider;
import dev.weir.sdk.state.ReadableStates;
import dev.weir.sdk.state.State;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.state.TimerSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** The invoker calls @OnTimer and @OnWindowExpiration methods with state, timer, key and time-domain arguments. */
class DoFnInvokersStatefulTest {

  /** A state that only remembers its id. */
  private static final class NamedState implements ValueState<String> {
    private final String id;

    NamedState(String id) {
      this.id = id;
    }

    @Override
    public String read() {
      return id;
    }

    @Override
    public void write(String input) {}

    @Override
    public void clear() {}

    @Override
    public ValueState<String> readLater() {
      return this;
    }
  }

  /** A timer whose current time names it. */
  private static final class NamedTimer implements Timer {
    private final String id;

    NamedTimer(String id) {
      this.id = id;
    }

    @Override
    public void set(Instant absoluteTime) {}

    @Override
    public void setRelative() {}

    @Override
    public void clear() {}

    @Override
    public Timer offset(Duration offset) {
      return this;
    }

    @Override
    public Timer align(Duration period) {
      return this;
    }

    @Override
    public Timer withOutputTimestamp(Instant outputTime) {
      return this;
    }

    @Override
    public Instant getCurrentRelativeTime() {
      return new Instant(id.length());
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private static final class TimerArguments extends BaseArgumentProvider<KV<String, Integer>, String> {
    @Override
    protected String describeContext() {
      return "the test";
    }

    @Override
    public State state(String stateId) {
      return new NamedState(stateId);
    }

    @Override
    public Timer timer(String timerId) {
      return new NamedTimer(timerId);
    }

    @Override
    public Object key() {
      return "k";
    }

    @Override
    public TimeDomain timeDomain() {
      return TimeDomain.PROCESSING_TIME;
    }

    @Override
    public Instant timestamp() {
      return new Instant(42);
    }

    @Override
    public BoundedWindow window() {
      return GlobalWindow.INSTANCE;
    }
  }

  private static final class Stateful extends DoFn<KV<String, Integer>, String> {
    final List<Object> calls = new ArrayList<>();

    @StateId("count")
    private final StateSpec<ValueState<String>> count = StateSpecs.value();

    @TimerId("first")
    private final TimerSpec first = TimerSpecs.timer(TimeDomain.EVENT_TIME);

    @TimerId("second")
    private final TimerSpec second = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    @ProcessElement
    public void process() {}

    @OnTimer("first")
    public void onFirst(@Key String key, @StateId("count") ValueState<String> state, @TimerId("second") Timer other,
        TimeDomain domain, @Timestamp Instant timestamp) {
      calls.add(List.of("first", key, state.read(), other.toString(), domain, timestamp));
    }

    @OnTimer("second")
    public void onSecond(BoundedWindow window) {
      calls.add(List.of("second", window));
    }

    @OnWindowExpiration
    public void expire(@Key String key, @StateId("count") ValueState<String> state) {
      calls.add(List.of("expire", key, state.read()));
    }
  }

  @Test
  void callsTheOnTimerMethodOfTheTimerIdWithItsArguments() throws Exception {
    Stateful fn = new Stateful();
    DoFnInvoker<KV<String, Integer>, String> invoker = DoFnInvokers.invokerFor(fn);
    invoker.invokeOnTimer("first", new TimerArguments());
    invoker.invokeOnTimer("second", new TimerArguments());
    assertEquals(List.of(
        List.of("first", "k", "count", "second", TimeDomain.PROCESSING_TIME, new Instant(42)),
        List.of("second", GlobalWindow.INSTANCE)), fn.calls);
  }

  @Test
  void callsOnWindowExpirationWithKeyAndState() throws Exception {
    Stateful fn = new Stateful();
    DoFnInvokers.invokerFor(fn).invokeOnWindowExpiration(new TimerArguments());
    assertEquals(List.of(List.of("expire", "k", "count")), fn.calls);
  }

  @Test
  void rejectsATimerIdWithoutOnTimerMethod() {
    Stateful fn = new Stateful();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DoFnInvokers.invokerFor(fn).invokeOnTimer("third", new TimerArguments()));
    assertThat(e.getMessage(), allOf(containsString(Stateful.class.getName()), containsString("'third'"),
        containsString("[first, second]")));
  }

  private static final class NoExpiration extends DoFn<KV<String, Integer>, String> {
    @ProcessElement
    public void process() {}
  }

  @Test
  void onWindowExpirationIsANoOpWhenUndeclared() throws Exception {
    DoFnInvokers.invokerFor(new NoExpiration()).invokeOnWindowExpiration(new TimerArguments());
  }

  @Test
  void baseArgumentProviderSaysStateIsUnavailableWithItsContext() {
    BaseArgumentProvider<String, String> none = new BaseArgumentProvider<>() {
      @Override
      protected String describeContext() {
        return "@Setup of step 'S'";
      }
    };
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> none.state("count"));
    assertEquals("State 'count' is not available in @Setup of step 'S'", e.getMessage());
    assertEquals("Timer 't' is not available in @Setup of step 'S'",
        assertThrows(IllegalStateException.class, () -> none.timer("t")).getMessage());
  }

  @Test
  void immediateReadableStateReadsItsValue() {
    assertEquals("v", ReadableStates.immediate("v").readLater().read());
  }
}
