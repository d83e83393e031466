package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Flatten}. */
class FlattenTest {

  @Test
  void collectionsWithIncompatibleWindowsFailNamingBoth() {
    Pipeline pipeline = Pipeline.create();
    PCollection<String> global = pipeline.apply("Global", Create.of("a"));
    PCollection<String> windowed = pipeline.apply("Windowed", Create.of("b"))
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));
    PCollectionList<String> both = PCollectionList.of(global).and(windowed);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> both.apply(Flatten.pCollections()));
    assertThat(e.getMessage(), allOf(containsString(global.getName()), containsString(windowed.getName()),
        containsString("Window.into")));
  }

  /** Flatten on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void unionsTheCollectionsKeepingDuplicates() {
      PCollection<String> first = p.apply("First", Create.of("a", "b"));
      PCollection<String> second = p.apply("Second", Create.of("b", "c"));
      PCollection<String> third = p.apply("Third", Create.empty(StringUtf8Coder.of()));
      PAssert.that(PCollectionList.of(first).and(second).and(third).apply(Flatten.pCollections()))
          .containsInAnyOrder("a", "b", "b", "c");
      p.run();
    }

    @Test
    void flattensOneCollectionToItsElements() {
      PCollection<String> only = p.apply(Create.of("x", "y"));
      PAssert.that(PCollectionList.of(only).apply(Flatten.pCollections())).containsInAnyOrder("x", "y");
      p.run();
    }

    @Test
    void flattensTheSameCollectionTwice() {
      PCollection<String> twice = p.apply(Create.of("x"));
      PAssert.that(PCollectionList.of(twice).and(twice).apply(Flatten.pCollections())).containsInAnyOrder("x", "x");
      p.run();
    }

    @Test
    void iterablesFlattenIntoTheirElements() {
      PCollection<List<String>> lists = p.apply(
          Create.of(List.of("a", "b"), List.<String>of(), List.of("c")).withCoder(ListCoder.of(StringUtf8Coder.of())));
      PAssert.that(lists.apply(Flatten.iterables())).containsInAnyOrder("a", "b", "c");
      p.run();
    }
  }
}
