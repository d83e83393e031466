package dev.weir.runtime.state;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.dofn.DoFnInvoker;
import dev.weir.runtime.dofn.OutputTimestampCheck;
import dev.weir.runtime.timers.TimerData;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.state.State;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * The arguments of every user method a {@link StatefulDoFnCore} calls, reused across calls: the
 * core points it at an element, a timer or an expiring window, calls the DoFn, then resets it.
 *
 * <p>Outputs go to the one window being processed, with the base timestamp (the element's, the
 * timer's output timestamp, or the window's max timestamp) unless another is given, which must
 * pass the DoFn's skew rule against the base; outputs of timers and expirations have pane
 * {@link PaneInfo#NO_FIRING}. Only declared output tags may be used.
 *
 * @param <K> the key type
 * @param <InputT> the input value type
 * @param <OutputT> the main output type
 */
final class StatefulArguments<K, InputT, OutputT> implements DoFnInvoker.ArgumentProvider<KV<K, InputT>, OutputT> {
  private final StatefulDoFnCore<K, InputT, OutputT> core;
  private final OutputTimestampCheck timestampCheck;
  private final Map<TupleTag<?>, Receiver<?>> receivers = new LinkedHashMap<>();
  private final Receiver<OutputT> mainReceiver;
  private final DoFn.MultiOutputReceiver multiOutputReceiver = this::receiver;
  private final ProcessContextImpl processContext;
  private final OnTimerContextImpl onTimerContext;
  private final StartBundleContextImpl startBundleContext;
  private final FinishBundleContextImpl finishBundleContext;

  private String what = "outside any call";
  private WindowedValue<KV<K, InputT>> element;
  private StructuralKey<K> key;
  private BoundedWindow window;
  private TimerData<StructuralKey<K>> timer;
  private Instant base;
  private String baseDescription;
  private PaneInfo pane;

  StatefulArguments(StatefulDoFnCore<K, InputT, OutputT> core, StatefulStep<K, InputT, OutputT> step) {
    this.core = core;
    this.timestampCheck = new OutputTimestampCheck(
        step.stepName(), step.fn().getClass().getName(), step.fn().getAllowedTimestampSkew());
    this.mainReceiver = new Receiver<>(step.mainOutputTag());
    receivers.put(step.mainOutputTag(), mainReceiver);
    for (TupleTag<?> tag : step.additionalOutputTags()) {
      receivers.put(tag, new Receiver<>(tag));
    }
    this.processContext = new ProcessContextImpl(step.fn());
    this.onTimerContext = new OnTimerContextImpl(step.fn());
    this.startBundleContext = new StartBundleContextImpl(step.fn());
    this.finishBundleContext = new FinishBundleContextImpl(step.fn());
  }

  void forElement(WindowedValue<KV<K, InputT>> value, StructuralKey<K> elementKey, BoundedWindow elementWindow) {
    set("@ProcessElement", elementKey, elementWindow, value.getTimestamp(), "the input's timestamp", value.getPane());
    element = value;
  }

  void forTimer(TimerData<StructuralKey<K>> firing) {
    set("@OnTimer(\"" + firing.timerId() + "\")", firing.key(), firing.window(), firing.outputTimestamp(),
        "the timer's output timestamp", PaneInfo.NO_FIRING);
    timer = firing;
  }

  void forExpiration(StructuralKey<K> expiringKey, BoundedWindow expiringWindow) {
    set("@OnWindowExpiration", expiringKey, expiringWindow, expiringWindow.maxTimestamp(),
        "the window's max timestamp", PaneInfo.NO_FIRING);
  }

  void forBundle(String bundleMethod) {
    reset();
    what = bundleMethod;
  }

  private void set(String call, StructuralKey<K> k, BoundedWindow w, Instant t, String tDescription, PaneInfo p) {
    reset();
    what = call;
    key = k;
    window = w;
    base = t;
    baseDescription = tDescription;
    pane = p;
  }

  void reset() {
    what = "outside any call";
    element = null;
    key = null;
    window = null;
    timer = null;
    base = null;
    baseDescription = null;
    pane = null;
  }

  private void checkInWindow(String use) {
    checkState(window != null, "%s: %s was used %s; it is valid only during the call it was passed to",
        core.describe(), use, what);
  }

  private <T> void emit(TupleTag<T> tag, T value, Instant timestamp) {
    checkInWindow("an output receiver");
    if (timestamp == null) {
      timestamp = base;
    } else {
      timestampCheck.check(baseDescription, base, timestamp);
    }
    core.output(tag, WindowedValue.of(value, timestamp, window, pane));
  }

  @SuppressWarnings("unchecked")
  private <T> Receiver<T> receiver(TupleTag<T> tag) {
    Receiver<T> receiver = (Receiver<T>) receivers.get(tag);
    checkArgument(receiver != null, "%s output to %s, which it does not declare; its output tags are %s. Declare "
        + "additional outputs with ParDo.of(fn).withOutputTags(mainTag, TupleTagList.of(tag))",
        core.describe(), tag, receivers.keySet());
    return receiver;
  }

  @Override
  public KV<K, InputT> element() {
    return element.getValue();
  }

  @Override
  public Instant timestamp() {
    return base;
  }

  @Override
  public BoundedWindow window() {
    return window;
  }

  @Override
  public PaneInfo paneInfo() {
    return pane;
  }

  @Override
  public PipelineOptions pipelineOptions() {
    return core.step().options();
  }

  @Override
  public DoFn.OutputReceiver<OutputT> outputReceiver() {
    return mainReceiver;
  }

  @Override
  public DoFn.MultiOutputReceiver multiOutputReceiver() {
    return multiOutputReceiver;
  }

  @Override
  public DoFn<KV<K, InputT>, OutputT>.ProcessContext processContext() {
    return processContext;
  }

  @Override
  public Object sideInput(String sideInputId) {
    return readSideInput(core.step().sideInputMapping().get(sideInputId));
  }

  private <T> T readSideInput(PCollectionView<T> view) {
    checkInWindow("a side input");
    return core.readSideInput(view, window);
  }

  @Override
  public DoFn<KV<K, InputT>, OutputT>.StartBundleContext startBundleContext() {
    return startBundleContext;
  }

  @Override
  public DoFn<KV<K, InputT>, OutputT>.FinishBundleContext finishBundleContext() {
    return finishBundleContext;
  }

  @Override
  public State state(String stateId) {
    checkInWindow("state '" + stateId + "'");
    return core.state(key, window, stateId);
  }

  @Override
  public Timer timer(String timerId) {
    checkInWindow("timer '" + timerId + "'");
    return core.timer(timerId, key, window, base);
  }

  @Override
  public Object key() {
    return key.getKey();
  }

  @Override
  public TimeDomain timeDomain() {
    return timer.domain();
  }

  @Override
  public DoFn<KV<K, InputT>, OutputT>.OnTimerContext onTimerContext() {
    return onTimerContext;
  }

  /** Outputs to one tag, in the current window. */
  private final class Receiver<T> implements DoFn.OutputReceiver<T> {
    private final TupleTag<T> tag;

    Receiver(TupleTag<T> tag) {
      this.tag = Objects.requireNonNull(tag, "output tag");
    }

    @Override
    public void output(T output) {
      emit(tag, output, null);
    }

    @Override
    public void outputWithTimestamp(T output, Instant timestamp) {
      emit(tag, output, Objects.requireNonNull(timestamp, "timestamp"));
    }
  }

  private final class ProcessContextImpl extends DoFn<KV<K, InputT>, OutputT>.ProcessContext {
    ProcessContextImpl(DoFn<KV<K, InputT>, OutputT> fn) {
      fn.super();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return pipelineOptions();
    }

    @Override
    public KV<K, InputT> element() {
      checkState(element != null, "%s: ProcessContext was used %s", core.describe(), what);
      return element.getValue();
    }

    @Override
    public <T> T sideInput(PCollectionView<T> view) {
      checkArgument(view != null && core.step().sideInputMapping().containsValue(view),
          "%s read side input %s, which is not one of its side inputs %s; pass the view to withSideInputs",
          core.describe(), view, core.step().sideInputMapping().values());
      return readSideInput(view);
    }

    @Override
    public Instant timestamp() {
      checkInWindow("ProcessContext");
      return base;
    }

    @Override
    public PaneInfo pane() {
      checkInWindow("ProcessContext");
      return pane;
    }

    @Override
    public void output(OutputT output) {
      mainReceiver.output(output);
    }

    @Override
    public void outputWithTimestamp(OutputT output, Instant timestamp) {
      mainReceiver.outputWithTimestamp(output, timestamp);
    }

    @Override
    public <T> void output(TupleTag<T> tag, T output) {
      receiver(tag).output(output);
    }

    @Override
    public <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp) {
      receiver(tag).outputWithTimestamp(output, timestamp);
    }
  }

  private final class OnTimerContextImpl extends DoFn<KV<K, InputT>, OutputT>.OnTimerContext {
    OnTimerContextImpl(DoFn<KV<K, InputT>, OutputT> fn) {
      fn.super();
    }

    private TimerData<StructuralKey<K>> firing() {
      checkState(timer != null, "%s: OnTimerContext was used %s", core.describe(), what);
      return timer;
    }

    @Override
    public Instant timestamp() {
      return firing().outputTimestamp();
    }

    @Override
    public Instant fireTimestamp() {
      return firing().timestamp();
    }

    @Override
    public BoundedWindow window() {
      return firing().window();
    }

    @Override
    public TimeDomain timeDomain() {
      return firing().domain();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return pipelineOptions();
    }

    @Override
    public void output(OutputT output) {
      mainReceiver.output(output);
    }

    @Override
    public void outputWithTimestamp(OutputT output, Instant timestamp) {
      mainReceiver.outputWithTimestamp(output, timestamp);
    }

    @Override
    public <T> void output(TupleTag<T> tag, T output) {
      receiver(tag).output(output);
    }

    @Override
    public <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp) {
      receiver(tag).outputWithTimestamp(output, timestamp);
    }
  }

  private final class StartBundleContextImpl extends DoFn<KV<K, InputT>, OutputT>.StartBundleContext {
    StartBundleContextImpl(DoFn<KV<K, InputT>, OutputT> fn) {
      fn.super();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return pipelineOptions();
    }
  }

  private final class FinishBundleContextImpl extends DoFn<KV<K, InputT>, OutputT>.FinishBundleContext {
    FinishBundleContextImpl(DoFn<KV<K, InputT>, OutputT> fn) {
      fn.super();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return pipelineOptions();
    }

    @Override
    public void output(OutputT output, Instant timestamp, BoundedWindow outputWindow) {
      output(mainReceiver.tag, output, timestamp, outputWindow);
    }

    @Override
    public <T> void output(TupleTag<T> tag, T output, Instant timestamp, BoundedWindow outputWindow) {
      TupleTag<T> declared = receiver(tag).tag;
      checkArgument(timestamp != null && outputWindow != null,
          "%s: output from @FinishBundle needs a timestamp and a window, got %s and %s",
          core.describe(), timestamp, outputWindow);
      BoundedWindow.validateTimestamp(timestamp);
      core.output(declared, WindowedValue.of(output, timestamp, outputWindow, PaneInfo.NO_FIRING));
    }
  }
}
