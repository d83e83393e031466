package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Throwables;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Partition}. */
class PartitionTest {

  @Test
  void aNonPositiveNumberOfPartitionsFailsNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Partition.<String>of(0, (s, n) -> 0));
    assertThat(e.getMessage(), containsString("Partition.of(0, ...): the number of partitions must be positive"));
  }

  @Test
  void outputsOneCollectionPerPartitionWithTheInputCoder() {
    PCollectionList<String> parts =
        Pipeline.create().apply(Create.of("a")).apply(Partition.of(4, (String s, int n) -> 0));
    assertThat(parts.size(), equalTo(4));
    for (PCollection<String> part : parts.getAll()) {
      assertThat(part.getCoder(), equalTo(StringUtf8Coder.of()));
    }
  }

  /** Partition on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void sendsEachElementToThePartitionTheFunctionChooses() {
      PCollectionList<Integer> parts =
          p.apply(Create.of(1, 2, 3, 4, 5, 6, 7)).apply(Partition.of(3, (Integer n, int count) -> n % count));
      PAssert.that(parts.get(0)).containsInAnyOrder(3, 6);
      PAssert.that(parts.get(1)).containsInAnyOrder(1, 4, 7);
      PAssert.that(parts.get(2)).containsInAnyOrder(2, 5);
      p.run();
    }

    @Test
    void aPartitionNobodyChoosesIsEmpty() {
      PCollectionList<Integer> parts = p.apply(Create.of(1, 2)).apply(Partition.of(2, (Integer n, int count) -> 0));
      PAssert.that(parts.get(0)).containsInAnyOrder(1, 2);
      PAssert.that(parts.get(1)).empty();
      p.run();
    }

    @Test
    void anIndexOutOfRangeFailsNamingTheIndexAndTheNumberOfPartitions() {
      p.apply(Create.of(1, 5)).apply(Partition.of(3, (Integer n, int count) -> n));
      PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
      assertThat(Throwables.getRootCause(e).getMessage(), allOf(
          containsString("returned partition index 5 for element 5"), containsString("outside [0, 3)"),
          containsString("3 partitions")));
    }
  }
}
