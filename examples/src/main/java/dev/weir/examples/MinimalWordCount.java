package dev.weir.examples;

import dev.weir.io.TextIO;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Filter;
import dev.weir.sdk.transforms.FlatMapElements;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.Arrays;

/**
 * The smallest word count: one chain of transforms with lambdas, no options of its own, as Beam's
 * MinimalWordCount.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar MinimalWordCount [--runner=direct]
 * </pre>
 *
 * <p>It reads the sample text bundled in the jar ({@link SampleText}; Beam's reads King Lear from
 * Google Cloud Storage) and writes {@code wordcounts-SSSSS-of-NNNNN} files in the working
 * directory. Flags other than pipeline options (such as {@code --runner}) are rejected.
 */
public class MinimalWordCount {
  public static void main(String[] args) {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args).create();
    Pipeline p = Pipeline.create(options);

    p.apply(TextIO.read().from(SampleText.path()))
        .apply(FlatMapElements.into(TypeDescriptors.strings())
            .via((String line) -> Arrays.asList(line.split("[^\\p{L}]+"))))
        .apply(Filter.by((String word) -> !word.isEmpty()))
        .apply(Count.perElement())
        .apply(MapElements.into(TypeDescriptors.strings())
            .via((KV<String, Long> wordCount) -> wordCount.getKey() + ": " + wordCount.getValue()))
        .apply(TextIO.write().to("wordcounts"));

    p.run().waitUntilFinish();
  }
}
