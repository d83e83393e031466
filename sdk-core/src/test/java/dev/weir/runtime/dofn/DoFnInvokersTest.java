package dev.weir.runtime.dofn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.dofn.DoFnInvoker.ArgumentProvider;
import dev.weir.runtime.dofn.DoFnInvoker.BaseArgumentProvider;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class DoFnInvokersTest {
  private static final PipelineOptions OPTIONS = PipelineOptionsFactory.create();

  /** Supplies fixed arguments and records which ones it was asked for. */
  private static class FixedArguments<InputT> extends BaseArgumentProvider<InputT, String> {
    private final InputT element;
    final List<String> asked = new ArrayList<>();

    FixedArguments(InputT element) {
      this.element = element;
    }

    @Override
    protected String describeContext() {
      return "the test";
    }

    @Override
    public InputT element() {
      asked.add("element");
      return element;
    }

    @Override
    public Instant timestamp() {
      asked.add("timestamp");
      return new Instant(7);
    }

    @Override
    public BoundedWindow window() {
      asked.add("window");
      return GlobalWindow.INSTANCE;
    }

    @Override
    public PaneInfo paneInfo() {
      asked.add("pane");
      return PaneInfo.ON_TIME_AND_ONLY_FIRING;
    }

    @Override
    public PipelineOptions pipelineOptions() {
      asked.add("options");
      return OPTIONS;
    }

    @Override
    public Object sideInput(String sideInputId) {
      asked.add("side:" + sideInputId);
      return "value of " + sideInputId;
    }
  }

  private static final class Recording extends DoFn<String, String> {
    final List<Object> calls = new ArrayList<>();

    @Setup
    public void setup(PipelineOptions options) {
      calls.add("setup");
      calls.add(options);
    }

    @StartBundle
    public void start() {
      calls.add("start");
    }

    @ProcessElement
    public void process(@Element String e, @Timestamp Instant ts, BoundedWindow w, PaneInfo pane,
        @SideInput("b") String b, @SideInput("a") String a) {
      calls.addAll(List.of(e, ts, w, pane, b, a));
    }

    @FinishBundle
    public void finish(PipelineOptions options) {
      calls.add("finish");
    }

    @Teardown
    public void teardown() {
      calls.add("teardown");
    }
  }

  @Test
  void callsEachMethodWithTheArgumentsItDeclaresInOrder() throws Exception {
    Recording fn = new Recording();
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(fn);
    FixedArguments<String> arguments = new FixedArguments<>("e");
    invoker.invokeSetup(arguments);
    invoker.invokeStartBundle(arguments);
    invoker.invokeProcessElement(arguments);
    invoker.invokeFinishBundle(arguments);
    invoker.invokeTeardown();
    assertEquals(List.of("setup", OPTIONS, "start", "e", new Instant(7), GlobalWindow.INSTANCE,
        PaneInfo.ON_TIME_AND_ONLY_FIRING, "value of b", "value of a", "finish", "teardown"), fn.calls);
    assertEquals(List.of("options", "element", "timestamp", "window", "pane", "side:b", "side:a", "options"),
        arguments.asked);
  }

  @Test
  void treatsUndeclaredMethodsAsNoOps() throws Exception {
    List<String> seen = new ArrayList<>();
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e) {
        seen.add(e);
      }
    });
    FixedArguments<String> arguments = new FixedArguments<>("x");
    invoker.invokeSetup(arguments);
    invoker.invokeStartBundle(arguments);
    invoker.invokeProcessElement(arguments);
    invoker.invokeFinishBundle(arguments);
    invoker.invokeTeardown();
    assertEquals(List.of("x"), seen);
    assertEquals(List.of("element"), arguments.asked);
  }

  private static final class Failing extends DoFn<String, String> {
    private final Throwable failure;

    Failing(Throwable failure) {
      this.failure = failure;
    }

    @ProcessElement
    public void process() throws Throwable {
      throw failure;
    }
  }

  @Test
  void propagatesACheckedExceptionUnchanged() {
    IOException failure = new IOException("disk");
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(new Failing(failure));
    assertSame(failure, assertThrows(IOException.class,
        () -> invoker.invokeProcessElement(new FixedArguments<>("x"))));
  }

  @Test
  void propagatesAnErrorUnchanged() {
    AssertionError failure = new AssertionError("expected");
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(new Failing(failure));
    assertSame(failure, assertThrows(AssertionError.class,
        () -> invoker.invokeProcessElement(new FixedArguments<>("x"))));
  }

  private static class Base extends DoFn<String, String> {
    final List<String> seen = new ArrayList<>();

    @ProcessElement
    public void process(@Element String e) {
      seen.add("base " + e);
    }
  }

  private static final class Overrides extends Base {
    @Override
    public void process(String e) {
      seen.add("override " + e);
    }
  }

  @Test
  void dispatchesToTheOverridingMethod() throws Exception {
    Overrides fn = new Overrides();
    DoFnInvokers.invokerFor(fn).invokeProcessElement(new FixedArguments<>("x"));
    assertEquals(List.of("override x"), fn.seen);
  }

  @Test
  void unboxesAnElementIntoAPrimitiveParameter() throws Exception {
    List<Integer> seen = new ArrayList<>();
    DoFnInvoker<Integer, String> invoker = DoFnInvokers.invokerFor(new DoFn<Integer, String>() {
      @ProcessElement
      public void process(@Element int e) {
        seen.add(e + 1);
      }
    });
    invoker.invokeProcessElement(new FixedArguments<>(41));
    assertEquals(List.of(42), seen);
  }

  @Test
  void baseArgumentProviderNamesTheMissingArgumentAndTheContext() {
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(new DoFn<String, String>() {
      @ProcessElement
      public void process(OutputReceiver<String> out) {}
    });
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> invoker.invokeProcessElement(new FixedArguments<>("x")));
    assertEquals("An OutputReceiver is not available in the test", e.getMessage());
  }

  @Test
  void sharesTheSignatureOfTheClassAmongInstances() {
    assertSame(DoFnInvokers.invokerFor(new Recording()).getSignature(),
        DoFnInvokers.invokerFor(new Recording()).getSignature());
  }

  @Test
  void rejectsAMalformedDoFn() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DoFnInvokers.invokerFor(new DoFn<String, String>() {}));
    assertTrue(e.getMessage().contains("has no method annotated with @ProcessElement"), e.getMessage());
  }

  @Test
  void castsTheElementToASupertypeParameter() throws Exception {
    ArgumentProvider<String, String> arguments = new FixedArguments<>("typed");
    List<CharSequence> seen = new ArrayList<>();
    DoFnInvokers.invokerFor(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element CharSequence e) {
        seen.add(e);
      }
    }).invokeProcessElement(arguments);
    assertEquals(List.of("typed"), seen);
  }

  /** Collects into {@link #out} what a DoFn outputs through its OutputReceiver. */
  private static final class ReceivingArguments extends FixedArguments<String> {
    final List<String> out = new ArrayList<>();

    ReceivingArguments(String element) {
      super(element);
    }

    @Override
    public DoFn.OutputReceiver<String> outputReceiver() {
      return new DoFn.OutputReceiver<>() {
        @Override
        public void output(String output) {
          out.add(output);
        }

        @Override
        public void outputWithTimestamp(String output, Instant timestamp) {
          out.add(output + "@" + timestamp.getMillis());
        }
      };
    }
  }

  private static final class PrivateUpperCase extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, OutputReceiver<String> out) {
      out.output(e.toUpperCase(Locale.ROOT));
    }
  }

  @Test
  void callsTheElementAndReceiverMethodOfAPrivateClass() throws Exception {
    ReceivingArguments arguments = new ReceivingArguments("shout");
    DoFnInvokers.invokerFor(new PrivateUpperCase()).invokeProcessElement(arguments);
    assertEquals(List.of("SHOUT"), arguments.out);
  }

  @Test
  void callsAProcessContextMethod() throws Exception {
    List<String> seen = new ArrayList<>();
    FixedArguments<String> arguments = new FixedArguments<>("ctx") {
      @Override
      public DoFn<String, String>.ProcessContext processContext() {
        return new DoFn<String, String>() {}.new ProcessContext() {
          @Override
          public String element() {
            return "from context";
          }

          @Override
          public PipelineOptions getPipelineOptions() {
            return OPTIONS;
          }

          @Override
          public <T> T sideInput(PCollectionView<T> view) {
            throw new AssertionError("the DoFn under test reads no side input");
          }

          @Override
          public Instant timestamp() {
            return new Instant(0);
          }

          @Override
          public PaneInfo pane() {
            return PaneInfo.NO_FIRING;
          }

          @Override
          public void output(String output) {}

          @Override
          public void outputWithTimestamp(String output, Instant timestamp) {}

          @Override
          public <T> void output(TupleTag<T> tag, T output) {}

          @Override
          public <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp) {}
        };
      }
    };
    DoFnInvokers.invokerFor(new DoFn<String, String>() {
      @ProcessElement
      public void process(ProcessContext c) {
        seen.add(c.element());
      }
    }).invokeProcessElement(arguments);
    assertEquals(List.of("from context"), seen);
  }

  private static final class FailingOnElement extends DoFn<String, String> {
    private final Throwable failure;

    FailingOnElement(Throwable failure) {
      this.failure = failure;
    }

    @ProcessElement
    public void process(@Element String e, OutputReceiver<String> out) throws Throwable {
      throw failure;
    }
  }

  @Test
  void propagatesACheckedExceptionFromAnElementAndReceiverMethodUnchanged() {
    IOException failure = new IOException("disk");
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(new FailingOnElement(failure));
    assertSame(failure, assertThrows(IOException.class,
        () -> invoker.invokeProcessElement(new ReceivingArguments("x"))));
  }

  @Test
  void wrapsAThrowableThatIsNeitherAnExceptionNorAnError() {
    Throwable failure = new Throwable("odd") {};
    DoFnInvoker<String, String> invoker = DoFnInvokers.invokerFor(new FailingOnElement(failure));
    UndeclaredThrowableException thrown = assertThrows(UndeclaredThrowableException.class,
        () -> invoker.invokeProcessElement(new ReceivingArguments("x")));
    assertSame(failure, thrown.getCause());
  }
}
