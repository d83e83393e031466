package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Distinct}. */
class DistinctTest {
  private final Pipeline pipeline = Pipeline.create();

  @Test
  void aNonDeterministicCoderFailsNamingDistinctAndTheFix() {
    PCollection<Double> doubles = pipeline.apply(Create.of(1.0, 1.0));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> doubles.apply(Distinct.create()));
    assertThat(e.getMessage(), allOf(containsString("Distinct"), containsString(doubles.getName()),
        containsString("DoubleCoder"), containsString("withRepresentativeValueFn")));
  }

  @Test
  void aRepresentativeOfUnknownTypeFailsNamingTheFix() {
    PCollection<String> words = pipeline.apply(Create.of("a"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> words.apply(Distinct.withRepresentativeValueFn((String s) -> s.length())));
    assertThat(e.getMessage(), containsString(".withRepresentativeType(TypeDescriptor)"));
  }

  @Test
  void aSimpleFunctionGivesTheRepresentativeCoderThroughItsTypeArguments() {
    PCollection<String> distinct =
        pipeline.apply(Create.of("a", "b")).apply(Distinct.withRepresentativeValueFn(new WithKeysTest.Length()));
    assertThat(distinct.getCoder(), equalTo(StringUtf8Coder.of()));
  }

  /** Distinct on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void keepsOneOfEachDistinctElement() {
      PAssert.that(p.apply(Create.of("k", "a", "k", "b", "a", "k")).apply(Distinct.create()))
          .containsInAnyOrder("k", "a", "b");
      p.run();
    }

    @Test
    void keepsOneOfEachInEachWindow() {
      PCollection<String> windowed = p
          .apply(Create.timestamped(List.of("a", "a", "a", "b"), List.of(0L, 1L, 10_000L, 10_001L)))
          .apply(Window.into(FixedWindows.of(Duration.standardSeconds(10))));
      PAssert.that(windowed.apply(Distinct.create())).containsInAnyOrder("a", "a", "b");
      p.run();
    }

    @Test
    void keepsOneElementPerRepresentativeValue() {
      PCollection<String> byLength = p.apply(Create.of("ab", "cd", "e", "fgh", "ij"))
          .apply(Distinct.withRepresentativeValueFn((String s) -> s.length())
              .withRepresentativeType(TypeDescriptors.integers()));
      PAssert.that(byLength.apply(MapElements.into(TypeDescriptors.integers()).via(String::length)))
          .containsInAnyOrder(1, 2, 3);
      PAssert.that(byLength).satisfies(kept -> {
        for (String s : kept) {
          assertThat(List.of("ab", "cd", "e", "fgh", "ij").contains(s), is(true));
        }
        return null;
      });
      p.run();
    }
  }
}
