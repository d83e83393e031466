package dev.weir.runtime.dofn;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * The {@link DoFnRunner} of a {@code ParDo} step: calls the DoFn's bundle and element methods
 * through a {@link DoFnInvoker} and turns what it outputs into {@link WindowedValue}s for the
 * {@link OutputManager}.
 *
 * <p>Rules it enforces, as Beam does:
 * <ul>
 *   <li>An element in several windows is processed once per window when the DoFn observes its
 *       window (it takes a {@code BoundedWindow}) or the step reads side inputs; otherwise once.
 *   <li>Outputs of {@code @ProcessElement} keep the input's windows (the one window being
 *       processed, when exploded) and pane; their timestamp is the input's unless given, and a
 *       given one must not be earlier than the input's minus {@code fn.getAllowedTimestampSkew()}.
 *   <li>Outputs of {@code @FinishBundle} carry the window and timestamp given, and pane
 *       {@link PaneInfo#NO_FIRING}.
 *   <li>Only the main output tag and the declared additional tags may be output to.
 *   <li>A side input is read in the window that the view's {@code WindowMappingFn} maps the
 *       element's window to.
 *   <li>Anything thrown by user code (including the errors above, raised inside it) is rethrown
 *       as a {@link UserCodeException} naming the step, unless it already is one (an exception
 *       from a downstream step run synchronously by the output manager).
 * </ul>
 *
 * <p>The DoFn must already be set up ({@link DoFnLifecycle}); this runner never calls
 * {@code @Setup} or {@code @Teardown}. Metrics reported by user code go to whatever container
 * the caller installed with {@code MetricsEnvironment}. One thread drives a runner; contexts and
 * receivers handed to user code are reused across calls and valid only during them.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 */
public final class SimpleDoFnRunner<InputT, OutputT> implements DoFnRunner<InputT> {
  private final PipelineOptions options;
  private final DoFn<InputT, OutputT> fn;
  private final DoFnInvoker<InputT, OutputT> invoker;
  private final SideInputReader sideInputReader;
  private final Map<String, PCollectionView<?>> sideInputMapping;
  private final OutputManager outputManager;
  private final String stepName;
  private final boolean observesWindow;
  /** Built once: Beam's contract makes the allowed skew a property of the DoFn, not of an element. */
  private final OutputTimestampCheck timestampCheck;
  /** The receiver of every declared output tag, main tag first. */
  private final Map<TupleTag<?>, ElementReceiver<?>> receivers;
  private final ElementReceiver<OutputT> mainReceiver;
  private final Arguments arguments = new Arguments();
  private final ProcessContextImpl processContext;
  private final StartBundleContextImpl startBundleContext;
  private final FinishBundleContextImpl finishBundleContext;

  /** The element being processed; null outside {@code @ProcessElement}. */
  private WindowedValue<InputT> element;
  /** The one window being processed when windows are exploded, else null. */
  private BoundedWindow window;
  /** The windows outputs of the current element go to. */
  private Collection<? extends BoundedWindow> windows;

  /**
   * A runner of {@code fn}, which the caller has already set up.
   *
   * @param options the pipeline's options, passed to user code
   * @param fn the DoFn instance, used by this runner's thread only
   * @param sideInputReader the values of the step's side inputs
   * @param outputManager receives every output
   * @param mainOutputTag the tag of the main output
   * @param additionalOutputTags the other declared output tags
   * @param inputWindowingStrategy the windowing of the input collection
   * @param sideInputMapping the step's side inputs by the id they are registered under
   * @param stepName the full name of the step, for error messages
   * @throws IllegalArgumentException if the DoFn reads a side input id missing from the mapping,
   *     or takes a window type the input's windows are not
   */
  public SimpleDoFnRunner(
      PipelineOptions options,
      DoFn<InputT, OutputT> fn,
      SideInputReader sideInputReader,
      OutputManager outputManager,
      TupleTag<OutputT> mainOutputTag,
      List<TupleTag<?>> additionalOutputTags,
      WindowingStrategy<?, ?> inputWindowingStrategy,
      Map<String, PCollectionView<?>> sideInputMapping,
      String stepName) {
    this.options = options;
    this.fn = Objects.requireNonNull(fn, "fn");
    this.invoker = DoFnInvokers.invokerFor(fn);
    this.sideInputReader = Objects.requireNonNull(sideInputReader, "sideInputReader");
    this.sideInputMapping = Map.copyOf(sideInputMapping);
    this.outputManager = Objects.requireNonNull(outputManager, "outputManager");
    this.stepName = Objects.requireNonNull(stepName, "stepName");
    checkArgument(!invoker.getSignature().isStateful(),
        "Step '%s': %s declares state, timers or @OnWindowExpiration; run it with "
            + "dev.weir.runtime.state.StatefulDoFnCore, which keeps them per key and window", stepName, fn.getClass().getName());
    DoFnSignature.ProcessElementMethod process = invoker.getSignature().processElement();
    checkSideInputIds(process);
    checkWindowType(process, inputWindowingStrategy);
    this.observesWindow = process.observesWindow() || !sideInputMapping.isEmpty();
    this.timestampCheck = new OutputTimestampCheck(stepName, fn.getClass().getName(), fn.getAllowedTimestampSkew());
    this.mainReceiver = new ElementReceiver<>(mainOutputTag);
    Map<TupleTag<?>, ElementReceiver<?>> byTag = new LinkedHashMap<>();
    byTag.put(mainOutputTag, mainReceiver);
    for (TupleTag<?> tag : additionalOutputTags) {
      byTag.put(tag, new ElementReceiver<>(tag));
    }
    this.receivers = byTag;
    this.processContext = new ProcessContextImpl(fn);
    this.startBundleContext = new StartBundleContextImpl(fn);
    this.finishBundleContext = new FinishBundleContextImpl(fn);
  }

  private void checkSideInputIds(DoFnSignature.ProcessElementMethod process) {
    for (String id : process.sideInputIds()) {
      checkArgument(sideInputMapping.containsKey(id),
          "Step '%s': %s reads @SideInput(\"%s\") but the step has no side input with that id; its side inputs: %s",
          stepName, fn.getClass().getName(), id, sideInputMapping.keySet());
    }
  }

  private void checkWindowType(DoFnSignature.ProcessElementMethod process, WindowingStrategy<?, ?> strategy) {
    TypeDescriptor<?> taken = process.windowType();
    TypeDescriptor<?> actual = strategy.getWindowFn().getWindowTypeDescriptor();
    if (taken != null && !actual.hasUnresolvedParameters()) {
      checkArgument(taken.isSupertypeOf(actual),
          "Step '%s': %s takes a window of type %s but its input is windowed into %s by %s",
          stepName, fn.getClass().getName(), taken, actual, strategy.getWindowFn());
    }
  }

  /** The DoFn this runner calls. */
  public DoFn<InputT, OutputT> getFn() {
    return fn;
  }

  @Override
  public void startBundle() {
    try {
      invoker.invokeStartBundle(arguments);
    } catch (Throwable t) {
      throw wrap(t);
    }
  }

  @Override
  public void processElement(WindowedValue<InputT> input) {
    Collection<? extends BoundedWindow> inputWindows = input.getWindows();
    // One call whether or not the DoFn observes the window: the window of an element in one window
    // is found when asked. A branch on observesWindow here would be compiled for the DoFns seen
    // first, and thrown away when a chain with the other kind first runs.
    if (inputWindows.size() == 1 || !observesWindow) {
      invokeProcessElement(input, null, inputWindows);
    } else {
      for (BoundedWindow w : inputWindows) {
        invokeProcessElement(input, w, List.of(w));
      }
    }
  }

  private void invokeProcessElement(
      WindowedValue<InputT> input, BoundedWindow oneWindow, Collection<? extends BoundedWindow> outputWindows) {
    element = input;
    window = oneWindow;
    windows = outputWindows;
    try {
      invoker.invokeProcessElement(arguments);
    } catch (Throwable t) {
      throw wrap(t);
    } finally {
      element = null;
      window = null;
      windows = null;
    }
  }

  @Override
  public void finishBundle() {
    try {
      invoker.invokeFinishBundle(arguments);
    } catch (Throwable t) {
      throw wrap(t);
    }
  }

  private RuntimeException wrap(Throwable t) {
    if (t instanceof UserCodeException) {
      return (UserCodeException) t;
    }
    return new UserCodeException(stepName, t);
  }

  private WindowedValue<InputT> currentElement(String what) {
    checkState(element != null,
        "Step '%s': %s was used outside @ProcessElement; in @FinishBundle, output through FinishBundleContext "
            + "with an explicit window and timestamp", stepName, what);
    return element;
  }

  private BoundedWindow currentWindow() {
    if (window != null) {
      return window;
    }
    Collection<? extends BoundedWindow> current = currentElement("the window").getWindows();
    checkState(current.size() == 1, "Step '%s': the element is in %s windows, not one: %s",
        stepName, current.size(), current);
    return current.iterator().next();
  }

  private <T> T readSideInput(PCollectionView<T> view) {
    checkArgument(view != null && sideInputReader.contains(view),
        "Step '%s' read side input %s, which is not one of its side inputs %s; pass the view to withSideInputs",
        stepName, view, sideInputMapping.values());
    BoundedWindow sideWindow = view.getWindowMappingFn().getSideInputWindow(currentWindow());
    return sideInputReader.get(view, sideWindow);
  }

  @SuppressWarnings("unchecked")
  private <T> ElementReceiver<T> receiver(TupleTag<T> tag) {
    ElementReceiver<T> receiver = (ElementReceiver<T>) receivers.get(tag);
    checkArgument(receiver != null,
        "Step '%s' output to %s, which it does not declare; its output tags are %s. Declare additional outputs "
            + "with ParDo.of(fn).withOutputTags(mainTag, TupleTagList.of(tag))",
        stepName, tag, receivers.keySet());
    return receiver;
  }

  /** Outputs of {@code @ProcessElement} to one tag: in the current windows and pane. */
  private final class ElementReceiver<T> implements DoFn.OutputReceiver<T> {
    private final TupleTag<T> tag;

    ElementReceiver(TupleTag<T> tag) {
      this.tag = Objects.requireNonNull(tag, "output tag");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void output(T output) {
      WindowedValue<InputT> input = currentElement("an OutputReceiver");
      if (output == input.getValue() && windows == input.getWindows()) {
        // The input passed on as it is (a filter): the same value, time, windows and pane, so the same object.
        outputManager.output(tag, (WindowedValue<T>) input);
        return;
      }
      outputManager.output(tag, WindowedValue.of(output, input.getTimestamp(), windows, input.getPane()));
    }

    @Override
    public void outputWithTimestamp(T output, Instant timestamp) {
      Objects.requireNonNull(timestamp, "timestamp");
      WindowedValue<InputT> input = currentElement("an OutputReceiver");
      timestampCheck.check(input.getTimestamp(), timestamp);
      outputManager.output(tag, WindowedValue.of(output, timestamp, windows, input.getPane()));
    }
  }

  /** Supplies every argument from the runner's current element and contexts. */
  private final class Arguments implements DoFnInvoker.ArgumentProvider<InputT, OutputT> {
    private final DoFn.MultiOutputReceiver multiOutputReceiver = SimpleDoFnRunner.this::receiver;

    @Override
    public InputT element() {
      return element.getValue();
    }

    @Override
    public Instant timestamp() {
      return element.getTimestamp();
    }

    @Override
    public BoundedWindow window() {
      return currentWindow();
    }

    @Override
    public PaneInfo paneInfo() {
      return element.getPane();
    }

    @Override
    public PipelineOptions pipelineOptions() {
      return options;
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
    public DoFn<InputT, OutputT>.ProcessContext processContext() {
      return processContext;
    }

    @Override
    public Object sideInput(String sideInputId) {
      return readSideInput(sideInputMapping.get(sideInputId));
    }

    @Override
    public DoFn<InputT, OutputT>.StartBundleContext startBundleContext() {
      return startBundleContext;
    }

    @Override
    public DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext() {
      return finishBundleContext;
    }
  }

  private final class ProcessContextImpl extends DoFn<InputT, OutputT>.ProcessContext {
    ProcessContextImpl(DoFn<InputT, OutputT> fn) {
      fn.super();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return options;
    }

    @Override
    public InputT element() {
      return currentElement("ProcessContext").getValue();
    }

    @Override
    public <T> T sideInput(PCollectionView<T> view) {
      return readSideInput(view);
    }

    @Override
    public Instant timestamp() {
      return currentElement("ProcessContext").getTimestamp();
    }

    @Override
    public PaneInfo pane() {
      return currentElement("ProcessContext").getPane();
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

  private final class StartBundleContextImpl extends DoFn<InputT, OutputT>.StartBundleContext {
    StartBundleContextImpl(DoFn<InputT, OutputT> fn) {
      fn.super();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return options;
    }
  }

  private final class FinishBundleContextImpl extends DoFn<InputT, OutputT>.FinishBundleContext {
    FinishBundleContextImpl(DoFn<InputT, OutputT> fn) {
      fn.super();
    }

    @Override
    public PipelineOptions getPipelineOptions() {
      return options;
    }

    @Override
    public void output(OutputT output, Instant timestamp, BoundedWindow window) {
      output(mainReceiver.tag, output, timestamp, window);
    }

    @Override
    public <T> void output(TupleTag<T> tag, T output, Instant timestamp, BoundedWindow window) {
      TupleTag<T> declared = receiver(tag).tag;
      checkArgument(timestamp != null && window != null,
          "Step '%s': output from @FinishBundle needs a timestamp and a window, got %s and %s",
          stepName, timestamp, window);
      BoundedWindow.validateTimestamp(timestamp);
      outputManager.output(declared, WindowedValue.of(output, timestamp, window, PaneInfo.NO_FIRING));
    }
  }
}
