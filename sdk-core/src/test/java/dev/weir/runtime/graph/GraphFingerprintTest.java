package dev.weir.runtime.graph;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class GraphFingerprintTest {

  static final class SplitWords extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String line, OutputReceiver<String> out) {
      for (String word : line.split(" ")) {
        out.output(word);
      }
    }
  }

  static final class FormatCount extends DoFn<KV<String, Long>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Long> count, OutputReceiver<String> out) {
      out.output(count.getKey() + "=" + count.getValue());
    }
  }

  /** The word count of these tests, with the parts a test varies as parameters. */
  private static Pipeline wordCount(String splitName, Coder<String> formattedCoder, boolean withLog) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<String> formatted = p.apply("Lines", Create.of("a b", "b"))
        .apply(splitName, ParDo.of(new SplitWords()))
        .apply("Count", Count.perElement())
        .apply("Format", ParDo.of(new FormatCount()))
        .setCoder(formattedCoder);
    if (withLog) {
      formatted.apply("Log", ParDo.of(new SplitWords()));
    }
    return p;
  }

  private static GraphFingerprint fingerprint(Pipeline pipeline) {
    return GraphFingerprint.of(PipelineGraph.of(pipeline));
  }

  private static GraphFingerprint original() {
    return fingerprint(wordCount("Words", StringUtf8Coder.of(), false));
  }

  @Test
  void samePipelineBuiltTwiceHasEqualFingerprints() {
    GraphFingerprint first = original();
    GraphFingerprint second = original();

    assertThat(second, equalTo(first));
    assertThat(second.hashCode(), equalTo(first.hashCode()));
    assertThat(second.toString(), equalTo(first.toString()));
    assertThat(first.describeDifferences(second), empty());
  }

  @Test
  void survivesAnEncodingRoundTrip() throws IOException {
    GraphFingerprint fingerprint = original();

    byte[] bytes = CoderUtils.encodeToByteArray(GraphFingerprint.coder(), fingerprint);
    GraphFingerprint decoded = CoderUtils.decodeFromByteArray(GraphFingerprint.coder(), bytes);

    assertThat(decoded, equalTo(fingerprint));
    assertThat(decoded.hash(), equalTo(fingerprint.hash()));
    assertThat(CoderUtils.encodeToByteArray(GraphFingerprint.coder(), original()), equalTo(bytes));
  }

  @Test
  void aTruncatedEncodingFailsToDecode() throws IOException {
    byte[] bytes = CoderUtils.encodeToByteArray(GraphFingerprint.coder(), original());

    assertThrows(
        CoderException.class,
        () -> CoderUtils.decodeFromByteArray(GraphFingerprint.coder(), Arrays.copyOf(bytes, bytes.length / 2)));
  }

  @Test
  void toStringShowsAShortHashAndTheStepCount() {
    GraphFingerprint fingerprint = original();

    assertThat(fingerprint.toString(), matchesPattern("GraphFingerprint\\([0-9a-f]{16}, \\d+ steps\\)"));
    assertThat(fingerprint.hash(), not(equalTo(fingerprint(wordCount("Split", StringUtf8Coder.of(), false)).hash())));
  }

  @Test
  void aRenamedTransformIsNamedAsRemovedAndAdded() {
    GraphFingerprint renamed = fingerprint(wordCount("Split", StringUtf8Coder.of(), false));

    assertThat(original().describeDifferences(renamed), equalTo(List.of(
        "step 'Words/ParMultiDo(SplitWords)' was renamed or removed",
        "step 'Count/Init/ParMultiDo(KeyByElementFn)' now reads [Split/ParMultiDo(SplitWords).output]"
            + " instead of [Words/ParMultiDo(SplitWords).output]",
        "step 'Split/ParMultiDo(SplitWords)' was added")));
  }

  @Test
  void anAddedStepIsNamed() {
    GraphFingerprint withLog = fingerprint(wordCount("Words", StringUtf8Coder.of(), true));

    assertThat(original().describeDifferences(withLog), contains("step 'Log/ParMultiDo(SplitWords)' was added"));
  }

  @Test
  void aChangedCoderIsNamedWithItsCollection() {
    GraphFingerprint nullable = fingerprint(wordCount("Words", NullableCoder.of(StringUtf8Coder.of()), false));

    assertThat(original().describeDifferences(nullable), equalTo(List.of(
        "the coder of 'Format/ParMultiDo(FormatCount).output' changed from StringUtf8Coder to NullableCoder[StringUtf8Coder]")));
  }

  @Test
  void aChangedWindowTypeIsNamedWithItsCollection() {
    Pipeline windowed = Pipeline.create(PipelineOptionsFactory.create());
    windowed.apply("Lines", Create.of("a b", "b"))
        .apply("Window", Window.into(FixedWindows.of(Duration.standardSeconds(10))));
    Pipeline global = Pipeline.create(PipelineOptionsFactory.create());
    global.apply("Lines", Create.of("a b", "b")).apply("Window", Window.into(new GlobalWindows()));

    assertThat(fingerprint(global).describeDifferences(fingerprint(windowed)), hasItem(
        "the windows of 'Window/Window.Assign.out' changed from GlobalWindow$Coder to"
            + " IntervalWindow$IntervalWindowCoder"));
  }

  @Test
  void aCoderThatPrintsLikeTheOldOneIsNamedByClass() {
    GraphFingerprint lookalike = fingerprint(wordCount("Words", new LookalikeCoder(), false));

    assertThat(original().describeDifferences(lookalike), equalTo(List.of(
        "the coder of 'Format/ParMultiDo(FormatCount).output' changed from dev.weir.sdk.coders.StringUtf8Coder"
            + " StringUtf8Coder to dev.weir.runtime.graph.GraphFingerprintTest$LookalikeCoder StringUtf8Coder")));
  }

  @Test
  void checkCompatibleAcceptsAnEqualGraph() {
    assertDoesNotThrow(() -> GraphFingerprint.checkCompatible(Path.of("/tmp/ckpt"), original(), original()));
  }

  @Test
  void checkCompatibleNamesTheCheckpointTheChangesAndTheFix() {
    GraphFingerprint stored = original();
    GraphFingerprint current = fingerprint(wordCount("Words", StringUtf8Coder.of(), true));
    Path checkpoint = Path.of("/data/ckpt");

    IllegalStateException e = assertThrows(
        IllegalStateException.class, () -> GraphFingerprint.checkCompatible(checkpoint, stored, current));

    assertThat(e.getMessage(), equalTo(
        "The pipeline does not match the one that wrote the checkpoint in /data/ckpt (graph " + stored.hash()
            + ", now " + current.hash() + "):\n"
            + "  - step 'Log/ParMultiDo(SplitWords)' was added\n"
            + "Fix: use a new --checkpointDir to start this pipeline from scratch, or revert the change to resume"
            + " from /data/ckpt."));
  }

  /** Another encoding of strings that prints as {@code StringUtf8Coder}. */
  static final class LookalikeCoder extends CustomCoder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in);
    }

    @Override
    public String toString() {
      return "StringUtf8Coder";
    }
  }
}
