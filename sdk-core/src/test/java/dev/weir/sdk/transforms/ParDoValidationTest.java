package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** ParDo checks its DoFn when it is built and its side inputs and window type when it is applied. */
class ParDoValidationTest {
  private final Pipeline pipeline = Pipeline.create();

  /** A root that yields an empty collection with the given windowing, so ParDos can be applied. */
  private static final class Strings extends PTransform<PBegin, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final WindowingStrategy<?, ?> windowing;

    Strings(WindowingStrategy<?, ?> windowing) {
      this.windowing = windowing;
    }

    @Override
    public PCollection<String> expand(PBegin input) {
      return PCollection.createPrimitiveOutputInternal(
          input.getPipeline(), windowing, PCollection.IsBounded.BOUNDED, StringUtf8Coder.of());
    }
  }

  private PCollection<String> strings(WindowingStrategy<?, ?> windowing) {
    return pipeline.apply("Strings", new Strings(windowing));
  }

  static class Malformed extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, Thread notAParameter) {}
  }

  @Test
  void rejectsAMalformedDoFnWhenTheParDoIsBuilt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParDo.of(new Malformed()));
    assertThat(e.getMessage(), allOf(
        containsString(Malformed.class.getName()), containsString("parameter at index 1 of type java.lang.Thread")));
  }

  static class ReadsSide extends DoFn<String, String> {
    @ProcessElement
    public void process(@Element String e, @SideInput("lookup") List<String> lookup, OutputReceiver<String> out) {}
  }

  @Test
  void rejectsASideInputIdThatIsNotRegistered() {
    PCollection<String> input = strings(WindowingStrategy.globalDefault());
    PCollectionView<List<String>> view = input.apply("View", View.asList());
    ParDo.SingleOutput<String, String> parDo = ParDo.of(new ReadsSide()).withSideInput("other", view);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> input.apply(parDo));
    assertThat(e.getMessage(), allOf(
        containsString(ReadsSide.class.getName()),
        containsString("@SideInput(\"lookup\")"),
        containsString("registered ids: [other]"),
        containsString(".withSideInput(\"lookup\", view)")));
  }

  @Test
  void acceptsASideInputRegisteredUnderItsId() {
    PCollection<String> input = strings(WindowingStrategy.globalDefault());
    PCollectionView<List<String>> view = input.apply("View", View.asList());
    PCollection<String> output = input.apply(ParDo.of(new ReadsSide()).withSideInput("lookup", view));
    assertEquals(input.getWindowingStrategy(), output.getWindowingStrategy());
  }

  static class TakesIntervalWindow extends DoFn<String, String> {
    @ProcessElement
    public void process(IntervalWindow window) {}
  }

  @Test
  void rejectsAWindowTypeTheInputIsNotWindowedInto() {
    PCollection<String> input = strings(WindowingStrategy.globalDefault());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> input.apply(ParDo.of(new TakesIntervalWindow())));
    assertThat(e.getMessage(), allOf(
        containsString(TakesIntervalWindow.class.getName()),
        containsString("takes a window of type " + IntervalWindow.class.getName()),
        containsString("GlobalWindow")));
  }

  @Test
  void acceptsAWindowTypeTheInputIsWindowedInto() {
    PCollection<String> input = strings(WindowingStrategy.of(FixedWindows.of(Duration.millis(10))));
    PCollection<String> output = input.apply(ParDo.of(new TakesIntervalWindow()));
    assertEquals(input.getWindowingStrategy(), output.getWindowingStrategy());
  }
}
