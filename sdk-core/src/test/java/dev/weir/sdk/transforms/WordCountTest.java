package dev.weir.sdk.transforms;

import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Beam's WordCount, end to end: split lines into words, count each distinct word, format. */
@ValidatesRunner
@SuppressWarnings("unchecked") // PAssert takes generic varargs (KV, List) here
class WordCountTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  static final String[] LINES = {
      "hi there", "hi", "hi sue bob", "hi sue", "", "bob hi"};

  /** Splits lines into words, skipping empty ones; the composite users write in Beam's example. */
  static final class CountWords extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
      return lines
          .apply("ExtractWords", FlatMapElements.into(TypeDescriptors.strings())
              .via((String line) -> Arrays.asList(line.split("[^\\p{L}]+"))))
          .apply("DropEmpty", Filter.by((String word) -> !word.isEmpty()))
          .apply(Count.perElement());
    }
  }

  @Test
  void countsEachDistinctWord() {
    PCollection<KV<String, Long>> counts = p.apply(Create.of(Arrays.asList(LINES))).apply(new CountWords());

    PAssert.that(counts).containsInAnyOrder(
        KV.of("hi", 5L), KV.of("there", 1L), KV.of("sue", 2L), KV.of("bob", 2L));
    p.run();
  }

  @Test
  void formatsTheCountsAsText() {
    PCollection<String> formatted = p.apply(Create.of(Arrays.asList(LINES)))
        .apply(new CountWords())
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, Long> kv) -> kv.getKey() + ": " + kv.getValue()));

    PAssert.that(formatted).containsInAnyOrder("hi: 5", "there: 1", "sue: 2", "bob: 2");
    p.run();
  }

  @Test
  void countsNothingInNoLines() {
    PCollection<KV<String, Long>> counts = p.apply(Create.empty(TypeDescriptors.strings())).apply(new CountWords());

    PAssert.that(counts).empty();
    p.run();
  }
}
