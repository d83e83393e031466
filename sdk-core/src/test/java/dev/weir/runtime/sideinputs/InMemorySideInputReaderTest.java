package dev.weir.runtime.sideinputs;

import static dev.weir.runtime.testing.TestWindowFns.windowAt;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.ListSource;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.List;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class InMemorySideInputReaderTest {
  private final Pipeline pipeline = Pipeline.create();
  private final PCollection<String> words =
      pipeline.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), "unused")));

  @Test
  void appliesTheViewFnToTheElementsOfTheWindow() {
    PCollectionView<List<String>> view = words.apply("AsList", View.asList());
    InMemorySideInputReader reader = InMemorySideInputReader.builder()
        .put(view, List.of(
            WindowedValue.of("a", new Instant(1), windowAt(1, 10), PaneInfo.NO_FIRING),
            WindowedValue.of("b", new Instant(12), windowAt(12, 10), PaneInfo.NO_FIRING),
            WindowedValue.of("c", new Instant(2), windowAt(2, 10), PaneInfo.NO_FIRING)))
        .build();

    assertThat(reader.get(view, windowAt(0, 10)), is(List.of("a", "c")));
    assertThat(reader.get(view, windowAt(10, 10)), is(List.of("b")));
  }

  @Test
  void seesNoElementsInAWindowWithoutAny() {
    PCollectionView<List<String>> view = words.apply("AsList", View.asList());
    InMemorySideInputReader reader = InMemorySideInputReader.builder().put(view, List.of()).build();

    assertThat(reader.get(view, GlobalWindow.INSTANCE), empty());
  }

  @Test
  void computesEachWindowsValueOnce() {
    PCollectionView<List<String>> view = words.apply("AsList", View.asList());
    InMemorySideInputReader reader = InMemorySideInputReader.builder()
        .put(view, List.of(WindowedValue.valueInGlobalWindow("a")))
        .build();

    assertThat(reader.get(view, GlobalWindow.INSTANCE), sameInstance(reader.get(view, GlobalWindow.INSTANCE)));
  }

  @Test
  void cachesANullValue() {
    PCollectionView<String> view = words.apply("Single", View.<String>asSingleton().withDefaultValue(null));
    InMemorySideInputReader reader = InMemorySideInputReader.builder().put(view, List.of()).build();

    assertThat(reader.get(view, GlobalWindow.INSTANCE), is((String) null));
    assertThat(reader.get(view, GlobalWindow.INSTANCE), is((String) null));
  }

  @Test
  void containsOnlyTheViewsPutInIt() {
    PCollectionView<List<String>> view = words.apply("AsList", View.asList());
    PCollectionView<List<String>> other = words.apply("Other", View.asList());
    InMemorySideInputReader reader = InMemorySideInputReader.builder().put(view, List.of()).build();

    assertThat(reader.contains(view), is(true));
    assertThat(reader.contains(other), is(false));
  }

  @Test
  void readingAViewNotPutFailsNamingIt() {
    PCollectionView<List<String>> other = words.apply("Other", View.asList());
    InMemorySideInputReader reader = InMemorySideInputReader.builder().build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> reader.get(other, GlobalWindow.INSTANCE));

    assertThat(e.getMessage(), containsString(other.toString()));
  }

  @Test
  void passesOnTheViewFnsFailure() {
    PCollectionView<String> view = words.apply("Single", View.asSingleton());
    InMemorySideInputReader reader = InMemorySideInputReader.builder()
        .put(view, List.of(WindowedValue.valueInGlobalWindow("a"), WindowedValue.valueInGlobalWindow("b")))
        .build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> reader.get(view, GlobalWindow.INSTANCE));

    assertThat(e.getMessage(), containsString("more than one element"));
  }
}
