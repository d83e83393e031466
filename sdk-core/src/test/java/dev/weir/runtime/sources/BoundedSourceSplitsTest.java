package dev.weir.runtime.sources;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.CountingSource;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedSourceSplitsTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  @Test
  void splitsASourceIntoAboutAsManyPartsAsAskedByEstimatedSize() throws Exception {
    List<? extends BoundedSource<Long>> parts = BoundedSourceSplits.split(CountingSource.upTo(100), 4, options);

    assertThat(parts.stream().map(Object::toString).toList(), contains(
        "CountingSource[0, 25)", "CountingSource[25, 50)", "CountingSource[50, 75)", "CountingSource[75, 100)"));
  }

  @Test
  void dealsThePartsRoundRobinToTheReadersInTheOrderOfTheSplit() throws Exception {
    List<List<BoundedSource<Long>>> readers = BoundedSourceSplits.dealt(CountingSource.upTo(100), 2, options);

    assertThat(readers, hasSize(2));
    assertThat(readers.get(0).stream().map(Object::toString).toList(),
        contains("CountingSource[0, 50)"));
    assertThat(readers.get(1).stream().map(Object::toString).toList(),
        contains("CountingSource[50, 100)"));
  }

  @Test
  void givesFewerReadersThanAskedWhenTheSourceSplitsIntoFewerParts() throws Exception {
    List<List<BoundedSource<Long>>> readers = BoundedSourceSplits.dealt(CountingSource.upTo(3), 8, options);

    assertThat(readers, hasSize(3));
  }

  @Test
  void keepsASourceThatEstimatesNoSizeWhole() throws Exception {
    BoundedSource<Long> empty = CountingSource.upTo(0);

    List<? extends BoundedSource<Long>> parts = BoundedSourceSplits.split(empty, 4, options);

    assertThat(parts, hasSize(1));
    assertThat(parts.get(0), sameInstance(empty));
  }

  @Test
  void rejectsSplittingIntoNoParts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BoundedSourceSplits.split(CountingSource.upTo(10), 0, options));

    assertThat(e.getMessage(), containsString("at least one part, got 0"));
  }
}
