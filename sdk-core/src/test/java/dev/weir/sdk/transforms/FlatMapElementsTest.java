package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FlatMapElements}. */
class FlatMapElementsTest {

  /** Splits a line into words; declares List<String> as its output. */
  static final class SplitWords extends SimpleFunction<String, List<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> apply(String line) {
      return line.isEmpty() ? Collections.emptyList() : Arrays.asList(line.split(" "));
    }
  }

  @Test
  void outputCoderComesFromTheIterablesElementType() {
    PCollection<String> words = Pipeline.create().apply(Create.of("a b")).apply(FlatMapElements.via(new SplitWords()));
    assertThat(words.getCoder(), instanceOf(StringUtf8Coder.class));
  }

  /** FlatMapElements on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void outputsEveryElementOfEachIterableOrNoneForAnEmptyOne() {
      PCollection<String> words = p.apply(Create.of("a b", "", "c")).apply(FlatMapElements.via(new SplitWords()));
      PAssert.that(words).containsInAnyOrder("a", "b", "c");
      p.run();
    }

    @Test
    void flatMapsWithALambdaIntoADeclaredType() {
      PCollection<Integer> repeated = p.apply(Create.of(1, 3))
          .apply(FlatMapElements.into(TypeDescriptors.integers()).via((Integer n) -> Collections.nCopies(n, n)));
      PAssert.that(repeated).containsInAnyOrder(1, 3, 3, 3);
      p.run();
    }
  }
}
