package dev.weir.runtime.dofn;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.state.State;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.reflect.DoFnSignature;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import org.joda.time.Instant;

/**
 * Calls the annotated methods of one {@link DoFn} instance, taking each method's arguments from
 * an {@link ArgumentProvider}. Made by {@link DoFnInvokers#invokerFor}; the methods are found and
 * adapted once per DoFn class, so a call does no reflection and allocates nothing.
 *
 * <p>Not thread-safe in the sense that the DoFn it calls is not: one thread at a time. Methods
 * the DoFn does not declare are no-ops. Whatever a user method throws propagates unchanged
 * (checked exceptions included); wrapping it is the caller's job. The provider is asked only for
 * the arguments the method's {@link DoFnSignature} lists.
 *
 * @param <InputT> the DoFn's input type
 * @param <OutputT> the DoFn's main output type
 */
public interface DoFnInvoker<InputT, OutputT> {

  /** Calls {@code @Setup}, if declared. */
  void invokeSetup(ArgumentProvider<InputT, OutputT> arguments) throws Exception;

  /** Calls {@code @StartBundle}, if declared. */
  void invokeStartBundle(ArgumentProvider<InputT, OutputT> arguments) throws Exception;

  /** Calls {@code @ProcessElement}. */
  void invokeProcessElement(ArgumentProvider<InputT, OutputT> arguments) throws Exception;

  /**
   * Calls the {@code @OnTimer} method of {@code timerId}.
   *
   * @throws IllegalArgumentException if the DoFn has no {@code @OnTimer} method for the id
   */
  void invokeOnTimer(String timerId, ArgumentProvider<InputT, OutputT> arguments) throws Exception;

  /** Calls {@code @OnWindowExpiration}, if declared. */
  void invokeOnWindowExpiration(ArgumentProvider<InputT, OutputT> arguments) throws Exception;

  /** Calls {@code @FinishBundle}, if declared. */
  void invokeFinishBundle(ArgumentProvider<InputT, OutputT> arguments) throws Exception;

  /** Calls {@code @Teardown}, if declared. */
  void invokeTeardown() throws Exception;

  /** The DoFn instance this invoker calls. */
  DoFn<InputT, OutputT> getFn();

  /** The signature of the DoFn's class. */
  DoFnSignature getSignature();

  /**
   * Supplies the arguments of a DoFn method, one method per {@link DoFnSignature.Parameter.Kind}.
   * The returned objects are valid only during the call they were supplied for.
   *
   * @param <InputT> the DoFn's input type
   * @param <OutputT> the DoFn's main output type
   */
  interface ArgumentProvider<InputT, OutputT> {
    /** The element being processed. */
    InputT element();

    /** The timestamp of the element being processed. */
    Instant timestamp();

    /** The one window the element is being processed in. */
    BoundedWindow window();

    /** The pane the element came from. */
    PaneInfo paneInfo();

    PipelineOptions pipelineOptions();

    /** The receiver of the main output. */
    DoFn.OutputReceiver<OutputT> outputReceiver();

    /** The receivers of every output by tag. */
    DoFn.MultiOutputReceiver multiOutputReceiver();

    DoFn<InputT, OutputT>.ProcessContext processContext();

    /** The value of the side input registered under {@code sideInputId}, in the element's window. */
    Object sideInput(String sideInputId);

    DoFn<InputT, OutputT>.StartBundleContext startBundleContext();

    DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext();

    /**
     * The state declared under {@code stateId}, for the current key and window. Only stateful
     * runners supply it; by default it is unavailable.
     */
    default State state(String stateId) {
      throw new IllegalStateException("State '" + stateId + "' is not available: this DoFn runner does not keep "
          + "state; run stateful DoFns through dev.weir.runtime.state.StatefulDoFnCore");
    }

    /** The timer declared under {@code timerId}, for the current key and window; unavailable by default. */
    default Timer timer(String timerId) {
      throw new IllegalStateException("Timer '" + timerId + "' is not available: this DoFn runner does not keep "
          + "timers; run stateful DoFns through dev.weir.runtime.state.StatefulDoFnCore");
    }

    /** The key of the firing timer or expiring window; unavailable by default. */
    default Object key() {
      throw new IllegalStateException("The key is available only in @OnTimer and @OnWindowExpiration methods");
    }

    /** The time domain of the firing timer; unavailable by default. */
    default TimeDomain timeDomain() {
      throw new IllegalStateException("The time domain is available only in @OnTimer methods");
    }

    /** The context of the firing timer; unavailable by default. */
    default DoFn<InputT, OutputT>.OnTimerContext onTimerContext() {
      throw new IllegalStateException("An OnTimerContext is available only in @OnTimer methods");
    }
  }

  /**
   * An {@link ArgumentProvider} that supplies nothing: every method fails with an
   * {@link IllegalStateException} naming the argument and {@link #describeContext()}. Extend it
   * to supply the few arguments a lifecycle method may take.
   *
   * @param <InputT> the DoFn's input type
   * @param <OutputT> the DoFn's main output type
   */
  abstract class BaseArgumentProvider<InputT, OutputT> implements ArgumentProvider<InputT, OutputT> {
    /** Where the arguments are asked for, such as "@Setup of step 'Parse'". */
    protected abstract String describeContext();

    private IllegalStateException unavailable(String what) {
      return new IllegalStateException(what + " is not available in " + describeContext());
    }

    @Override
    public InputT element() {
      throw unavailable("The element");
    }

    @Override
    public Instant timestamp() {
      throw unavailable("The element timestamp");
    }

    @Override
    public BoundedWindow window() {
      throw unavailable("The window");
    }

    @Override
    public PaneInfo paneInfo() {
      throw unavailable("The pane");
    }

    @Override
    public PipelineOptions pipelineOptions() {
      throw unavailable("PipelineOptions");
    }

    @Override
    public DoFn.OutputReceiver<OutputT> outputReceiver() {
      throw unavailable("An OutputReceiver");
    }

    @Override
    public DoFn.MultiOutputReceiver multiOutputReceiver() {
      throw unavailable("A MultiOutputReceiver");
    }

    @Override
    public DoFn<InputT, OutputT>.ProcessContext processContext() {
      throw unavailable("A ProcessContext");
    }

    @Override
    public Object sideInput(String sideInputId) {
      throw unavailable("Side input '" + sideInputId + "'");
    }

    @Override
    public DoFn<InputT, OutputT>.StartBundleContext startBundleContext() {
      throw unavailable("A StartBundleContext");
    }

    @Override
    public DoFn<InputT, OutputT>.FinishBundleContext finishBundleContext() {
      throw unavailable("A FinishBundleContext");
    }

    @Override
    public State state(String stateId) {
      throw unavailable("State '" + stateId + "'");
    }

    @Override
    public Timer timer(String timerId) {
      throw unavailable("Timer '" + timerId + "'");
    }

    @Override
    public Object key() {
      throw unavailable("The key");
    }

    @Override
    public TimeDomain timeDomain() {
      throw unavailable("The time domain");
    }

    @Override
    public DoFn<InputT, OutputT>.OnTimerContext onTimerContext() {
      throw unavailable("An OnTimerContext");
    }
  }
}
