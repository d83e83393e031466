package dev.weir.runtime.state;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.windowing.WindowExpiry;
import dev.weir.runtime.dofn.DoFnInvoker;
import dev.weir.runtime.dofn.DoFnInvokers;
import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.dofn.UserCodeException;
import dev.weir.runtime.timers.PendingTimers;
import dev.weir.runtime.timers.TimerData;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.state.State;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.state.TimerSpec;
import dev.weir.sdk.transforms.reflect.DoFnSignature;
import dev.weir.sdk.transforms.reflect.DoFnSignature.StateDeclaration;
import dev.weir.sdk.transforms.reflect.DoFnSignature.TimerDeclaration;
import dev.weir.sdk.transforms.reflect.StateSpecCoders;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Runs one stateful {@code ParDo} step: a DoFn with state, timers or {@code @OnWindowExpiration},
 * over the elements of every key, keeping state and timers per key and window.
 *
 * <p>Passive: elements and time come in through method calls, outputs leave through the {@link
 * OutputManager}, and nothing happens in between. A runner creates one core per step (or per key
 * range of a step), then repeats: {@link #startBundle()}; any number of {@link #processElement},
 * {@link #advanceInputWatermark}, {@link #advanceProcessingTime} and {@link
 * #advanceSynchronizedProcessingTime}; {@link #finishBundle()}. Between bundles it may take a
 * {@link #snapshot()}; {@link #restore} makes an equal core from it.
 *
 * <p>Semantics, as Beam defines them:
 * <ul>
 *   <li>An element is processed once per window it is in. An element for an expired window
 *       ({@link WindowExpiry}) is dropped and counted in the counter {@code StatefulParDoDropped}
 *       of this class's namespace.
 *   <li>A timer fires once the time of its domain is after its timestamp. Advancing a time fires
 *       the due timers of that domain one at a time in (timestamp, order set) order, pulling the
 *       next due timer after each firing, so that timers set by a firing fire in the same call
 *       when they are already due. Processing-time timers of an expired window do not fire.
 *   <li>Each key and window gets an expiry timer at its garbage-collection time plus 1 ms,
 *       holding the output watermark at the window's max timestamp: when it fires, the DoFn's
 *       {@code @OnWindowExpiration} runs (outputs at the window's max timestamp), then the
 *       window's state and remaining timers are dropped.
 *   <li>The {@link #getOutputWatermarkHold() output watermark hold} is the smallest output
 *       timestamp of the pending event-time timers (expiry timers included).
 *   <li>Times only move forward; moving one back fails with both values in the message.
 * </ul>
 *
 * <p>Errors: whatever user code throws is rethrown as a {@link UserCodeException} naming the step;
 * the core may then be half-way through a firing and must be discarded (restore the last
 * snapshot). Mistakes of the caller (time moving back, work outside a bundle) are
 * {@link IllegalArgumentException}s and {@link IllegalStateException}s that change nothing.
 * Processing time starts at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}: advance it to the runner's
 * clock before the first element, and after a restore to {@code max(clock, getProcessingTime())}.
 * Not thread-safe: one thread drives a core.
 *
 * @param <K> the key type
 * @param <InputT> the input value type
 * @param <OutputT> the main output type
 */
public final class StatefulDoFnCore<K, InputT, OutputT> {
  /** The id of expiry timers; user timer ids are never empty. */
  static final String EXPIRY_TIMER_ID = "";

  private final StatefulStep<K, InputT, OutputT> step;
  private final DoFnInvoker<KV<K, InputT>, OutputT> invoker;
  private final DoFnSignature signature;
  private final Coder<K> keyCoder;
  private final Coder<BoundedWindow> windowCoder;
  private final WindowExpiry expiry;
  /** The domain of each declared timer id, read once from the DoFn's timer specs. */
  private final Map<String, TimeDomain> timerDomains = new HashMap<>();
  /** The user state of every key and window; a window's state is dropped when the window expires. */
  private final StateTable<K> state;
  /** User timers and expiry timers of every key and window; a window's timers go when it expires. */
  private final PendingTimers<StructuralKey<K>> timers = new PendingTimers<>();
  private final OutputManager outputManager;
  private final SideInputReader sideInputReader;
  private final StatefulArguments<K, InputT, OutputT> arguments;
  private final Counter droppedDueToLateness = Metrics.counter(StatefulDoFnCore.class, "StatefulParDoDropped");
  /** The current time of each domain; only moves forward, saved in snapshots. */
  private final Map<TimeDomain, Instant> times = new EnumMap<>(TimeDomain.class);
  /** Whether a bundle is open: user code runs only inside one, snapshots only outside. */
  private boolean inBundle;

  /**
   * A core with no state, no timers and every time at {@link BoundedWindow#TIMESTAMP_MIN_VALUE}.
   *
   * @throws IllegalArgumentException if the DoFn is malformed, the windows merge, the key coder is
   *     not deterministic, a state coder cannot be inferred, or a side input id is not mapped
   */
  @SuppressWarnings("unchecked")
  public StatefulDoFnCore(
      StatefulStep<K, InputT, OutputT> step, OutputManager outputManager, SideInputReader sideInputReader) {
    this.step = Objects.requireNonNull(step, "step");
    this.outputManager = Objects.requireNonNull(outputManager, "outputManager");
    this.sideInputReader = Objects.requireNonNull(sideInputReader, "sideInputReader");
    this.invoker = DoFnInvokers.invokerFor(step.fn());
    this.signature = invoker.getSignature();
    WindowFn<?, ?> windowFn = step.windowingStrategy().getWindowFn();
    checkArgument(windowFn.isNonMerging(), "%s: stateful DoFns need non-merging windows, but the input is windowed "
        + "by %s, which merges; window it with a non-merging WindowFn such as FixedWindows", describe(), windowFn);
    this.keyCoder = step.inputCoder().getKeyCoder();
    try {
      keyCoder.verifyDeterministic();
    } catch (Coder.NonDeterministicException e) {
      throw new IllegalArgumentException(describe() + ": state is kept per key, so the key coder " + keyCoder
          + " must be deterministic: " + e.getMessage(), e);
    }
    this.windowCoder = (Coder<BoundedWindow>) windowFn.windowCoder();
    this.expiry = new WindowExpiry(step.windowingStrategy().getAllowedLateness());
    for (String id : signature.processElement().sideInputIds()) {
      checkArgument(step.sideInputMapping().containsKey(id), "%s reads @SideInput(\"%s\") but the step has no side "
          + "input with that id; its side inputs: %s", describe(), id, step.sideInputMapping().keySet());
    }
    StateSpecCoders.finishSpecifying(step.fn(), CoderRegistry.createDefault(), step.inputCoder());
    Map<String, StateSpec<?>> specs = new HashMap<>();
    for (StateDeclaration declaration : signature.stateDeclarations().values()) {
      specs.put(declaration.id(), declaration.spec(step.fn()));
    }
    this.state = new StateTable<>(describe(), specs);
    for (TimerDeclaration declaration : signature.timerDeclarations().values()) {
      TimerSpec spec = declaration.spec(step.fn());
      timerDomains.put(declaration.id(), spec.getTimeDomain());
    }
    for (TimeDomain domain : TimeDomain.values()) {
      times.put(domain, BoundedWindow.TIMESTAMP_MIN_VALUE);
    }
    this.arguments = new StatefulArguments<>(this, step);
  }

  /**
   * A core equal to the one that took {@code snapshot}, for the same step (the DoFn may be a new
   * instance of the same class).
   *
   * @throws IllegalArgumentException if the snapshot is not one of this step's
   */
  public static <K, InputT, OutputT> StatefulDoFnCore<K, InputT, OutputT> restore(
      StatefulStep<K, InputT, OutputT> step, OutputManager outputManager, SideInputReader sideInputReader,
      byte[] snapshot) {
    StatefulDoFnCore<K, InputT, OutputT> core = new StatefulDoFnCore<>(step, outputManager, sideInputReader);
    StatefulCoreSnapshot.read(core, snapshot);
    return core;
  }

  /** Starts a bundle, calling {@code @StartBundle}. */
  public void startBundle() {
    checkState(!inBundle, "%s: startBundle called while a bundle is open; call finishBundle first", describe());
    inBundle = true;
    arguments.forBundle("@StartBundle");
    call(() -> invoker.invokeStartBundle(arguments));
  }

  /** Finishes the bundle, calling {@code @FinishBundle}. */
  public void finishBundle() {
    checkInBundle("finishBundle");
    arguments.forBundle("@FinishBundle");
    call(() -> invoker.invokeFinishBundle(arguments));
    inBundle = false;
  }

  /** Processes {@code element} in each of its windows, dropping it from windows that expired. */
  public void processElement(WindowedValue<KV<K, InputT>> element) {
    checkInBundle("processElement");
    StructuralKey<K> key = StructuralKey.of(element.getValue().getKey(), keyCoder);
    for (BoundedWindow window : element.getWindows()) {
      if (isExpired(window)) {
        droppedDueToLateness.inc();
        continue;
      }
      if (timers.get(key, window, EXPIRY_TIMER_ID) == null) {
        timers.set(key, window, EXPIRY_TIMER_ID, TimeDomain.EVENT_TIME, garbageCollectionTime(window).plus(1),
            window.maxTimestamp());
      }
      arguments.forElement(element, key, window);
      call(() -> invoker.invokeProcessElement(arguments));
    }
  }

  /** Moves the input watermark to {@code watermark} and fires the event-time timers it passed. */
  public void advanceInputWatermark(Instant watermark) {
    advance(TimeDomain.EVENT_TIME, "input watermark", watermark);
  }

  /** Moves processing time to {@code time} and fires the processing-time timers it passed. */
  public void advanceProcessingTime(Instant time) {
    advance(TimeDomain.PROCESSING_TIME, "processing time", time);
  }

  /** Moves synchronized processing time to {@code time} and fires the timers of that domain it passed. */
  public void advanceSynchronizedProcessingTime(Instant time) {
    advance(TimeDomain.SYNCHRONIZED_PROCESSING_TIME, "synchronized processing time", time);
  }

  private void advance(TimeDomain domain, String name, Instant time) {
    Objects.requireNonNull(time, name);
    checkInBundle("advancing the " + name);
    Instant current = times.get(domain);
    checkArgument(!time.isBefore(current), "%s: cannot move the %s back from %s to %s", describe(), name, current,
        time);
    times.put(domain, time);
    for (TimerData<StructuralKey<K>> due = timers.pollDue(domain, time); due != null;
        due = timers.pollDue(domain, time)) {
      fire(due);
    }
  }

  private void fire(TimerData<StructuralKey<K>> timer) {
    if (timer.timerId().equals(EXPIRY_TIMER_ID)) {
      expire(timer.key(), timer.window());
    } else if (timer.domain() == TimeDomain.EVENT_TIME || !isExpired(timer.window())) {
      arguments.forTimer(timer);
      call(() -> invoker.invokeOnTimer(timer.timerId(), arguments));
    }
  }

  private void expire(StructuralKey<K> key, BoundedWindow window) {
    if (signature.onWindowExpiration() != null) {
      arguments.forExpiration(key, window);
      call(() -> invoker.invokeOnWindowExpiration(arguments));
    }
    state.clearWindow(key, window);
    timers.deleteWindow(key, window);
  }

  /**
   * The output watermark hold: the smallest output timestamp of the pending event-time timers, or
   * {@link BoundedWindow#TIMESTAMP_MAX_VALUE} when none is pending. The step's output watermark is
   * at most {@code min(input watermark, hold)}.
   */
  public Instant getOutputWatermarkHold() {
    Instant hold = timers.minOutputTimestamp(TimeDomain.EVENT_TIME);
    return hold == null ? BoundedWindow.TIMESTAMP_MAX_VALUE : hold;
  }

  /** When the next timer of {@code domain} fires (once the time is after it), or null when none is pending. */
  public Instant getNextTimerTimestamp(TimeDomain domain) {
    return timers.nextTimestamp(domain);
  }

  public Instant getInputWatermark() {
    return times.get(TimeDomain.EVENT_TIME);
  }

  public Instant getProcessingTime() {
    return times.get(TimeDomain.PROCESSING_TIME);
  }

  public Instant getSynchronizedProcessingTime() {
    return times.get(TimeDomain.SYNCHRONIZED_PROCESSING_TIME);
  }

  /**
   * The whole state of the core as bytes: times, user state and timers, written with coders
   * (see {@link StatefulCoreSnapshot} for the format). Equal cores give equal bytes.
   *
   * @throws IllegalStateException if a bundle is open
   */
  public byte[] snapshot() {
    checkState(!inBundle, "%s: a snapshot is taken between bundles; call finishBundle first", describe());
    return StatefulCoreSnapshot.write(this);
  }

  private void checkInBundle(String call) {
    checkState(inBundle, "%s: %s outside a bundle; call startBundle first", describe(), call);
  }

  private void call(UserCall userCall) {
    try {
      userCall.run();
    } catch (UserCodeException e) {
      throw e;
    } catch (Throwable t) {
      throw new UserCodeException(step.stepName(), t);
    } finally {
      arguments.reset();
    }
  }

  /** One call into user code. */
  @FunctionalInterface
  private interface UserCall {
    void run() throws Exception;
  }

  // Package-private hooks for the arguments, timers and snapshots of this core.

  StatefulStep<K, InputT, OutputT> step() {
    return step;
  }

  String describe() {
    return "Step '" + step.stepName() + "' (" + step.fn().getClass().getName() + ")";
  }

  Coder<K> keyCoder() {
    return keyCoder;
  }

  Coder<BoundedWindow> windowCoder() {
    return windowCoder;
  }

  StateTable<K> stateTable() {
    return state;
  }

  PendingTimers<StructuralKey<K>> pendingTimers() {
    return timers;
  }

  Map<TimeDomain, Instant> times() {
    return times;
  }

  boolean isExpired(BoundedWindow window) {
    return expiry.isExpired(window, times.get(TimeDomain.EVENT_TIME));
  }

  Instant garbageCollectionTime(BoundedWindow window) {
    return expiry.garbageCollectionTime(window);
  }

  Duration allowedTimestampSkew() {
    return step.fn().getAllowedTimestampSkew();
  }

  boolean declaresTimer(String timerId) {
    return timerDomains.containsKey(timerId);
  }

  Instant currentTime(TimeDomain domain) {
    return times.get(domain);
  }

  State state(StructuralKey<K> key, BoundedWindow window, String stateId) {
    return state.get(key, window, stateId);
  }

  Timer timer(String timerId, StructuralKey<K> key, BoundedWindow window, Instant base) {
    TimeDomain domain = timerDomains.get(timerId);
    checkArgument(domain != null, "%s has no timer '%s'; its timers are %s", describe(), timerId, timerDomains.keySet());
    return new UserTimer<>(this, timerId, domain, key, window, base);
  }

  void setTimer(StructuralKey<K> key, BoundedWindow window, String timerId, TimeDomain domain, Instant target,
      Instant outputTimestamp) {
    timers.set(key, window, timerId, domain, target, outputTimestamp);
  }

  void deleteTimer(StructuralKey<K> key, BoundedWindow window, String timerId) {
    timers.delete(key, window, timerId);
  }

  <T> void output(TupleTag<T> tag, WindowedValue<T> value) {
    outputManager.output(tag, value);
  }

  <T> T readSideInput(PCollectionView<T> view, BoundedWindow window) {
    checkArgument(view != null && sideInputReader.contains(view), "%s read side input %s, which is not one of its "
        + "side inputs %s; pass the view to withSideInputs", describe(), view, step.sideInputMapping().values());
    return sideInputReader.get(view, view.getWindowMappingFn().getSideInputWindow(window));
  }
}
