package dev.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.dofn.SideInputReader;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ViewFn;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PCollectionViews;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/** A stateful DoFn reads side inputs in the side-input window its element's window maps to. */
class StatefulDoFnCoreSideInputTest {
  private static final WindowingStrategy<?, ?> FIXED_10 = WindowingStrategy.of(FixedWindows.of(Duration.millis(10)));
  private static final IntervalWindow FIRST = new IntervalWindow(new Instant(0), new Instant(10));
  private static final IntervalWindow SECOND = new IntervalWindow(new Instant(10), new Instant(20));

  /** Prefixes each element with the side input and remembers the last element per key. */
  static class Prefix extends DoFn<KV<String, String>, String> {
    @StateId("last")
    private final StateSpec<ValueState<String>> last = StateSpecs.value();

    @ProcessElement
    public void process(@Element KV<String, String> element, @SideInput("prefix") String prefix,
        @StateId("last") ValueState<String> last, OutputReceiver<String> out) {
      out.output(prefix + element.getValue() + " after " + last.read());
      last.write(element.getValue());
    }
  }

  /** A side input whose value in each window is the window's start in millis. */
  private static final class WindowStartReader implements SideInputReader {
    private final PCollectionView<String> view;
    final List<BoundedWindow> asked = new ArrayList<>();

    WindowStartReader(PCollectionView<String> view) {
      this.view = view;
    }

    @Override
    public boolean contains(PCollectionView<?> candidate) {
      return candidate == view;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(PCollectionView<T> requested, BoundedWindow window) {
      asked.add(window);
      return (T) (((IntervalWindow) window).start().getMillis() + ":");
    }
  }

  @Test
  void readsTheSideInputInTheMappedWindow() {
    PCollection<String> side = PCollection.createPrimitiveOutputInternal(Pipeline.create(), FIXED_10,
        PCollection.IsBounded.BOUNDED, StringUtf8Coder.of());
    PCollectionView<String> view = PCollectionViews.of(side, new ViewFn<String, String>() {
      @Override
      public String apply(Iterable<String> elements) {
        return elements.iterator().next();
      }
    });
    WindowStartReader reader = new WindowStartReader(view);
    List<Object> outputs = new ArrayList<>();
    OutputManager outputManager = new OutputManager() {
      @Override
      public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
        outputs.add(output.getValue());
      }
    };
    StatefulDoFnCore<String, String, String> core = new StatefulDoFnCore<>(new StatefulStep<>("Prefix", new Prefix(),
        KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()), FIXED_10, new TupleTag<>("main"), List.of(),
        Map.of("prefix", view), null), outputManager, reader);
    core.startBundle();
    core.processElement(WindowedValue.of(KV.of("k", "a"), new Instant(3), FIRST, PaneInfo.NO_FIRING));
    core.processElement(WindowedValue.of(KV.of("k", "b"), new Instant(13), SECOND, PaneInfo.NO_FIRING));
    core.processElement(WindowedValue.of(KV.of("k", "c"), new Instant(4), FIRST, PaneInfo.NO_FIRING));
    core.finishBundle();
    assertEquals(List.of("0:a after null", "10:b after null", "0:c after a"), outputs);
    assertEquals(List.of(FIRST, SECOND, FIRST), reader.asked);
  }
}
