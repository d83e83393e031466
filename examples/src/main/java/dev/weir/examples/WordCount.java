package dev.weir.examples;

import dev.weir.io.TextIO;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Distribution;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.options.Validation.Required;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.SimpleFunction;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;

/**
 * Counts the words of a text file and writes one {@code word: count} line per distinct word: Beam's
 * classic WordCount, ported by changing its imports.
 *
 * <pre>
 * java -jar examples/target/weir-examples.jar WordCount --output=/tmp/counts [--inputFile=FILE] [--runner=direct]
 * </pre>
 *
 * <p>A word is a maximal run of letters ({@code \p{L}}); everything else separates words, and case
 * is kept. Where Beam's default input is a file on Google Cloud Storage, Weir's is the short sample
 * text bundled in the jar ({@link SampleText}). Output goes to sharded files
 * {@code OUTPUT-SSSSS-of-NNNNN}. The {@link ExtractWordsFn} reports two metrics: the number of
 * empty lines and the distribution of line lengths.
 */
public class WordCount {
  /** What separates words: any run of characters that are not letters. */
  public static final String TOKENIZER_PATTERN = "[^\\p{L}]+";

  /** Splits a line into words, counting empty lines and measuring line lengths on the way. */
  static class ExtractWordsFn extends DoFn<String, String> {
    private final Counter emptyLines = Metrics.counter(ExtractWordsFn.class, "emptyLines");
    private final Distribution lineLenDist = Metrics.distribution(ExtractWordsFn.class, "lineLenDistro");

    @ProcessElement
    public void processElement(@Element String element, OutputReceiver<String> receiver) {
      lineLenDist.update(element.length());
      if (element.trim().isEmpty()) {
        emptyLines.inc();
      }
      for (String word : element.split(TOKENIZER_PATTERN, -1)) {
        if (!word.isEmpty()) {
          receiver.output(word);
        }
      }
    }
  }

  /** Formats a word and its count as {@code word: count}. */
  public static class FormatAsTextFn extends SimpleFunction<KV<String, Long>, String> {
    @Override
    public String apply(KV<String, Long> input) {
      return input.getKey() + ": " + input.getValue();
    }
  }

  /** Turns lines of text into the number of times each word occurs. */
  public static class CountWords extends PTransform<PCollection<String>, PCollection<KV<String, Long>>> {
    @Override
    public PCollection<KV<String, Long>> expand(PCollection<String> lines) {
      PCollection<String> words = lines.apply(ParDo.of(new ExtractWordsFn()));
      return words.apply(Count.perElement());
    }
  }

  /** The options of WordCount: where to read and where to write. */
  public interface WordCountOptions extends PipelineOptions {
    @Description("Path of the file to read from; by default, a sample text bundled in the examples jar")
    @Default.InstanceFactory(SampleText.PathFactory.class)
    String getInputFile();

    void setInputFile(String value);

    @Description("Prefix of the files to write to")
    @Required
    String getOutput();

    void setOutput(String value);
  }

  static void runWordCount(WordCountOptions options) {
    Pipeline p = Pipeline.create(options);

    p.apply("ReadLines", TextIO.read().from(options.getInputFile()))
        .apply(new CountWords())
        .apply(MapElements.via(new FormatAsTextFn()))
        .apply("WriteCounts", TextIO.write().to(options.getOutput()));

    p.run().waitUntilFinish();
  }

  public static void main(String[] args) {
    WordCountOptions options = PipelineOptionsFactory.fromArgs(args).withValidation().as(WordCountOptions.class);
    runWordCount(options);
  }
}
