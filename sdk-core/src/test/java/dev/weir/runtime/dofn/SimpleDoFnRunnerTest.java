package dev.weir.runtime.dofn;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Distribution;
import dev.weir.sdk.metrics.Gauge;
import dev.weir.sdk.metrics.MetricName;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PCollectionViews;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class SimpleDoFnRunnerTest {
  private static final TupleTag<String> MAIN = new TupleTag<>("main");
  private static final TupleTag<Integer> LENGTHS = new TupleTag<>("lengths");
  private static final String STEP = "Outer/Step";
  private static final IntervalWindow W0 = new IntervalWindow(new Instant(0), new Instant(5));
  private static final IntervalWindow W10 = new IntervalWindow(new Instant(10), new Instant(15));
  private static final PaneInfo EARLY = PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY);

  private final PipelineOptions options = PipelineOptionsFactory.create();
  private final RecordingOutputManager outputs = new RecordingOutputManager();

  private <InputT> SimpleDoFnRunner<InputT, String> runner(DoFn<InputT, String> fn) {
    return runner(fn, SideInputReader.empty(), Map.of());
  }

  private <InputT> SimpleDoFnRunner<InputT, String> runner(
      DoFn<InputT, String> fn, SideInputReader reader, Map<String, PCollectionView<?>> sideInputs) {
    return new SimpleDoFnRunner<>(options, fn, reader, outputs, MAIN, List.of(LENGTHS),
        WindowingStrategy.globalDefault(), sideInputs, STEP);
  }

  private static <T> void runBundle(SimpleDoFnRunner<T, ?> runner, List<WindowedValue<T>> elements) {
    runner.startBundle();
    for (WindowedValue<T> element : elements) {
      runner.processElement(element);
    }
    runner.finishBundle();
  }

  private static WindowedValue<String> inTwoWindows(String value, long timestamp) {
    return WindowedValue.of(value, new Instant(timestamp), List.of(W0, W10), EARLY);
  }

  private static final class Upper extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String word, OutputReceiver<String> out) {
      out.output(word.toUpperCase());
    }
  }

  @Test
  void outputsKeepTheInputsTimestampWindowsAndPane() {
    runBundle(runner(new Upper()), List.of(inTwoWindows("a", 3)));
    assertEquals(List.of(inTwoWindows("A", 3)), outputs.get(MAIN));
  }

  @Test
  void anElementPassedOnUnchangedIsTheSameWindowedValue() {
    WindowedValue<String> input = inTwoWindows("a", 3);

    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e, OutputReceiver<String> out) {
        out.output(e);
      }
    }), List.of(input));

    assertSame(input, outputs.get(MAIN).get(0));
  }

  @Test
  void anElementOfSeveralWindowsPassedOnPerWindowIsInOneWindowEach() {
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e, BoundedWindow window, OutputReceiver<String> out) {
        out.output(e);
      }
    }), List.of(inTwoWindows("a", 3)));

    assertEquals(List.of(WindowedValue.of("a", new Instant(3), W0, EARLY), WindowedValue.of("a", new Instant(3), W10, EARLY)),
        outputs.get(MAIN));
  }

  @Test
  void processesAnElementOnceWhenTheDoFnDoesNotObserveItsWindow() {
    List<String> seen = new ArrayList<>();
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e) {
        seen.add(e);
      }
    }), List.of(inTwoWindows("a", 3)));
    assertEquals(List.of("a"), seen);
  }

  @Test
  void processesAnElementOncePerWindowWhenTheDoFnTakesItsWindow() {
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e, BoundedWindow window, OutputReceiver<String> out) {
        out.output(e + "@" + window.maxTimestamp().getMillis());
      }
    }), List.of(inTwoWindows("a", 3)));
    assertEquals(List.of(
        WindowedValue.of("a@4", new Instant(3), W0, EARLY),
        WindowedValue.of("a@14", new Instant(3), W10, EARLY)), outputs.get(MAIN));
  }

  private static final class EveryArgument extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, @Timestamp Instant timestamp, PaneInfo pane, IntervalWindow window,
        PipelineOptions options, OutputReceiver<String> out) {
      out.output(String.join("|", e, String.valueOf(timestamp.getMillis()), pane.getTiming().toString(),
          window.toString(), String.valueOf(options.getOptionsId())));
    }
  }

  @Test
  void passesTheElementTimestampPaneWindowAndOptions() {
    runBundle(new SimpleDoFnRunner<>(options, new EveryArgument(), SideInputReader.empty(), outputs, MAIN,
        List.of(), WindowingStrategy.of(FixedWindows.of(Duration.millis(5))), Map.of(), STEP),
        List.of(WindowedValue.of("a", new Instant(3), W0, EARLY)));
    assertEquals(List.of(String.join("|", "a", "3", "EARLY", W0.toString(), String.valueOf(options.getOptionsId()))),
        outputs.values(MAIN));
  }

  @Test
  void processContextSeesTheElementAndOutputsToEveryTag() {
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(ProcessContext c) {
        c.output(c.element() + "@" + c.timestamp().getMillis() + "/" + c.pane().getTiming());
        c.outputWithTimestamp(c.element() + "-later", c.timestamp().plus(1));
        c.output(LENGTHS, c.element().length());
        c.outputWithTimestamp(LENGTHS, 0, c.timestamp().plus(2));
        assertSame(options, c.getPipelineOptions());
      }
    }), List.of(WindowedValue.of("ab", new Instant(3), W0, EARLY)));
    assertEquals(List.of(
        WindowedValue.of("ab@3/EARLY", new Instant(3), W0, EARLY),
        WindowedValue.of("ab-later", new Instant(4), W0, EARLY)), outputs.get(MAIN));
    assertEquals(List.of(
        WindowedValue.of(2, new Instant(3), W0, EARLY),
        WindowedValue.of(0, new Instant(5), W0, EARLY)), outputs.get(LENGTHS));
  }

  @Test
  void multiOutputReceiverOutputsToTheMainAndAdditionalTags() {
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e, MultiOutputReceiver outs) {
        outs.get(MAIN).output(e);
        outs.get(LENGTHS).outputWithTimestamp(e.length(), new Instant(9));
      }
    }), List.of(inTwoWindows("abc", 3)));
    assertEquals(List.of(inTwoWindows("abc", 3)), outputs.get(MAIN));
    assertEquals(List.of(WindowedValue.of(3, new Instant(9), List.of(W0, W10), EARLY)), outputs.get(LENGTHS));
  }

  @Test
  void rejectsOutputToAnUndeclaredTagNamingItAndTheDeclaredOnes() {
    TupleTag<String> undeclared = new TupleTag<>("undeclared");
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(ProcessContext c) {
        c.output(undeclared, c.element());
      }
    });
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.valueInGlobalWindow("a")));
    assertThat(e.getCause().getMessage(), allOf(
        containsString("Step 'Outer/Step' output to Tag<undeclared>, which it does not declare"),
        containsString("its output tags are [Tag<main>, Tag<lengths>]"),
        containsString("withOutputTags")));
  }

  @Test
  void rejectsAReceiverOfAnUndeclaredTag() {
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(MultiOutputReceiver outs) {
        outs.get(new TupleTag<Long>("other"));
      }
    });
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.valueInGlobalWindow("a")));
    assertThat(e.getCause().getMessage(), containsString("output to Tag<other>, which it does not declare"));
  }

  private static final class Shift extends DoFn<String, String> {
    private final long shiftMillis;
    private final Duration skew;

    Shift(long shiftMillis, Duration skew) {
      this.shiftMillis = shiftMillis;
      this.skew = skew;
    }

    @ProcessElement
    public void process(@Element String e, @Timestamp Instant timestamp, OutputReceiver<String> out) {
      out.outputWithTimestamp(e, timestamp.plus(shiftMillis));
    }

    @Override
    public Duration getAllowedTimestampSkew() {
      return skew;
    }
  }

  @Test
  void allowsAnOutputExactlyTheAllowedSkewBeforeTheInput() {
    runBundle(runner(new Shift(-10, Duration.millis(10))),
        List.of(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(100))));
    assertEquals(List.of(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(90))), outputs.get(MAIN));
  }

  @Test
  void rejectsAnOutputOneMillisecondEarlierThanTheAllowedSkew() {
    SimpleDoFnRunner<String, String> runner = runner(new Shift(-11, Duration.millis(10)));
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(100))));
    assertEquals(STEP, e.getStepName());
    assertThat(e.getCause().getMessage(), allOf(
        containsString("Step 'Outer/Step' output an element with timestamp " + new Instant(89)),
        containsString("earlier than the input's timestamp " + new Instant(100)),
        containsString("minus the allowed skew " + Duration.millis(10)),
        containsString("getAllowedTimestampSkew()")));
  }

  @Test
  void allowsNoEarlierOutputByDefault() {
    SimpleDoFnRunner<String, String> runner = runner(new Shift(-1, Duration.ZERO));
    runner.startBundle();
    assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(100))));
  }

  @Test
  void allowsAnyEarlierOutputWithAnUnboundedSkew() {
    runBundle(runner(new Shift(-1_000_000, Duration.millis(Long.MAX_VALUE))),
        List.of(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(100))));
    assertEquals(1, outputs.get(MAIN).size());
  }

  @Test
  void allowsALaterOutput() {
    runBundle(runner(new Shift(5, Duration.ZERO)),
        List.of(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(100))));
    assertEquals(List.of(WindowedValue.timestampedValueInGlobalWindow("a", new Instant(105))), outputs.get(MAIN));
  }

  private static PCollectionView<String> fixedWindowView() {
    PCollection<String> pc = PCollection.createPrimitiveOutputInternal(Pipeline.create(),
        WindowingStrategy.of(FixedWindows.of(Duration.millis(10))), PCollection.IsBounded.BOUNDED,
        StringUtf8Coder.of());
    return PCollectionViews.of(pc, new ViewFn<String, String>() {
      @Override
      public String apply(Iterable<String> elements) {
        return elements.iterator().next();
      }
    });
  }

  @Test
  void readsASideInputByIdInTheMappedWindowOfEachMainWindow() {
    PCollectionView<String> view = fixedWindowView();
    IntervalWindow side0 = new IntervalWindow(new Instant(0), new Instant(10));
    IntervalWindow side10 = new IntervalWindow(new Instant(10), new Instant(20));
    MapSideInputReader reader = new MapSideInputReader().put(view, side0, "s0").put(view, side10, "s10");
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(@Element String e, @SideInput("side") String side, OutputReceiver<String> out) {
        out.output(e + "+" + side);
      }
    }, reader, Map.of("side", view)), List.of(inTwoWindows("a", 3)));
    assertEquals(List.of(
        WindowedValue.of("a+s0", new Instant(3), W0, EARLY),
        WindowedValue.of("a+s10", new Instant(3), W10, EARLY)), outputs.get(MAIN));
    assertEquals(List.of(side0, side10), reader.requestedWindows);
  }

  @Test
  void readsASideInputThroughTheProcessContext() {
    PCollectionView<String> view = fixedWindowView();
    MapSideInputReader reader = new MapSideInputReader()
        .put(view, new IntervalWindow(new Instant(0), new Instant(10)), "s0");
    runBundle(runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(ProcessContext c) {
        c.output(c.element() + "+" + c.sideInput(view));
      }
    }, reader, Map.of(view.getTagInternal().getId(), view)),
        List.of(WindowedValue.of("a", new Instant(3), W0, PaneInfo.NO_FIRING)));
    assertEquals(List.of("a+s0"), outputs.values(MAIN));
  }

  @Test
  void rejectsReadingASideInputTheStepDoesNotHave() {
    PCollectionView<String> view = fixedWindowView();
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process(ProcessContext c) {
        c.sideInput(view);
      }
    });
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.valueInGlobalWindow("a")));
    assertThat(e.getCause().getMessage(), allOf(
        containsString("Step 'Outer/Step' read side input " + view), containsString("withSideInputs")));
  }

  @Test
  void rejectsASideInputIdMissingFromTheMapping() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> runner(new DoFn<String, String>() {
          @ProcessElement
          public void process(@SideInput("missing") String side) {}
        }, SideInputReader.empty(), Map.of("other", fixedWindowView())));
    assertThat(e.getMessage(), allOf(
        containsString("Step 'Outer/Step'"), containsString("@SideInput(\"missing\")"), containsString("[other]")));
  }

  @Test
  void rejectsAWindowTypeTheInputIsNotWindowedInto() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> runner(new DoFn<String, String>() {
          @ProcessElement
          public void process(IntervalWindow window) {}
        }));
    assertThat(e.getMessage(), allOf(
        containsString("takes a window of type " + IntervalWindow.class.getName()),
        containsString("windowed into " + GlobalWindow.class.getName())));
  }

  @Test
  void finishBundleOutputsCarryTheGivenWindowAndTimestampAndNoFiringPane() {
    runBundle(runner(new DoFn<String, String>() {
      private int count;

      @ProcessElement
      public void process() {
        count++;
      }

      @FinishBundle
      public void finish(FinishBundleContext c) {
        c.output("count=" + count, new Instant(42), W10);
        c.output(LENGTHS, count, new Instant(43), GlobalWindow.INSTANCE);
      }
    }), List.of(inTwoWindows("a", 3), inTwoWindows("b", 4)));
    assertEquals(List.of(WindowedValue.of("count=2", new Instant(42), W10, PaneInfo.NO_FIRING)), outputs.get(MAIN));
    assertEquals(List.of(WindowedValue.of(2, new Instant(43), GlobalWindow.INSTANCE, PaneInfo.NO_FIRING)),
        outputs.get(LENGTHS));
  }

  @Test
  void rejectsFinishBundleOutputWithoutAWindow() {
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process() {}

      @FinishBundle
      public void finish(FinishBundleContext c) {
        c.output("x", new Instant(0), null);
      }
    });
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class, runner::finishBundle);
    assertThat(e.getCause().getMessage(), containsString("output from @FinishBundle needs a timestamp and a window"));
  }

  @Test
  void rejectsAnElementReceiverUsedInFinishBundle() {
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      private OutputReceiver<String> kept;

      @ProcessElement
      public void process(OutputReceiver<String> out) {
        kept = out;
      }

      @FinishBundle
      public void finish() {
        kept.output("late");
      }
    });
    runner.startBundle();
    runner.processElement(WindowedValue.valueInGlobalWindow("a"));
    UserCodeException e = assertThrows(UserCodeException.class, runner::finishBundle);
    assertThat(e.getCause().getMessage(), allOf(
        containsString("an OutputReceiver was used outside @ProcessElement"), containsString("FinishBundleContext")));
  }

  @Test
  void startBundleSeesThePipelineOptions() {
    List<PipelineOptions> seen = new ArrayList<>();
    runBundle(runner(new DoFn<String, String>() {
      @StartBundle
      public void start(StartBundleContext c, PipelineOptions direct) {
        seen.add(c.getPipelineOptions());
        seen.add(direct);
      }

      @ProcessElement
      public void process() {}
    }), List.of());
    assertEquals(List.of(options, options), seen);
  }

  @Test
  void wrapsACheckedExceptionWithTheStepName() {
    IOException failure = new IOException("disk");
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process() throws IOException {
        throw failure;
      }
    });
    runner.startBundle();
    UserCodeException e = assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.valueInGlobalWindow("x")));
    assertSame(failure, e.getCause());
    assertEquals(STEP, e.getStepName());
    assertTrue(e.getMessage().contains("Outer/Step"), e.getMessage());
  }

  @Test
  void wrapsExceptionsFromStartAndFinishBundle() {
    RuntimeException boom = new RuntimeException("boom");
    SimpleDoFnRunner<String, String> failingStart = runner(new DoFn<String, String>() {
      @StartBundle
      public void start() {
        throw boom;
      }

      @ProcessElement
      public void process() {}
    });
    assertSame(boom, assertThrows(UserCodeException.class, failingStart::startBundle).getCause());
    SimpleDoFnRunner<String, String> failingFinish = runner(new DoFn<String, String>() {
      @ProcessElement
      public void process() {}

      @FinishBundle
      public void finish() {
        throw boom;
      }
    });
    failingFinish.startBundle();
    assertSame(boom, assertThrows(UserCodeException.class, failingFinish::finishBundle).getCause());
  }

  @Test
  void keepsAUserCodeExceptionFromADownstreamStepAsItIs() {
    UserCodeException downstream = new UserCodeException("Downstream", new IllegalStateException("inner"));
    SimpleDoFnRunner<String, String> runner = new SimpleDoFnRunner<>(options, new Upper(), SideInputReader.empty(),
        new OutputManager() {
          @Override
          public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
            throw downstream;
          }
        }, MAIN, List.of(), WindowingStrategy.globalDefault(), Map.of(), STEP);
    runner.startBundle();
    assertSame(downstream, assertThrows(UserCodeException.class,
        () -> runner.processElement(WindowedValue.valueInGlobalWindow("x"))));
  }
  /** Counts counter increments by name; the runner must leave the caller's container in place. */
  private static final class CountingContainer implements MetricsContainer {
    final Map<MetricName, Long> counts = new HashMap<>();

    @Override
    public Counter getCounter(MetricName name) {
      return new Counter() {
        @Override
        public MetricName getName() {
          return name;
        }

        @Override
        public void inc() {
          inc(1);
        }

        @Override
        public void inc(long n) {
          counts.merge(name, n, Long::sum);
        }

        @Override
        public void dec() {
          inc(-1);
        }

        @Override
        public void dec(long n) {
          inc(-n);
        }
      };
    }

    @Override
    public Distribution getDistribution(MetricName name) {
      throw new UnsupportedOperationException("this test counts only counters");
    }

    @Override
    public Gauge getGauge(MetricName name) {
      throw new UnsupportedOperationException("this test counts only counters");
    }
  }

  @Test
  void reportsMetricsToTheContainerTheCallerInstalled() {
    CountingContainer container = new CountingContainer();
    SimpleDoFnRunner<String, String> runner = runner(new DoFn<String, String>() {
      private final Counter seen = Metrics.counter("test", "seen");

      @ProcessElement
      public void process() {
        seen.inc();
      }
    });
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(container)) {
      runBundle(runner, List.of(WindowedValue.valueInGlobalWindow("a"), WindowedValue.valueInGlobalWindow("b")));
      assertSame(container, MetricsEnvironment.getCurrentContainer());
    }
    assertEquals(Map.of(MetricName.named("test", "seen"), 2L), container.counts);
  }
}
