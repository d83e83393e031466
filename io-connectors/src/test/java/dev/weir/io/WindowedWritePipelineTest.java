package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code TextIO.write().withWindowedWrites()} and {@code JsonIO.write().withWindowedWrites()} on the
 * test runner: every element lands in exactly one committed file of its window and pane, and
 * nothing temporary is left.
 */
@ValidatesRunner
class WindowedWritePipelineTest {
  private static final String FIRST_MINUTE = "1970-01-01T00:00:00.000Z-1970-01-01T00:01:00.000Z";
  private static final String SECOND_MINUTE = "1970-01-01T00:01:00.000Z-1970-01-01T00:02:00.000Z";

  @TempDir Path dir;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private static TimestampedValue<String> at(String line, long seconds) {
    return TimestampedValue.of(line, new Instant(seconds * 1000));
  }

  @Test
  void writesEachWindowOfABoundedInputToItsOwnFiles() throws IOException {
    p.apply(Create.timestamped(at("a", 0), at("b", 30), at("c", 70), at("d", 119)))
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply(TextIO.write().to(dir.resolve("out").toString()).withSuffix(".txt").withWindowedWrites());

    p.run();

    assertEquals(Map.of(
            "out-" + FIRST_MINUTE + "-pane-0-last", List.of("a", "b"),
            "out-" + SECOND_MINUTE + "-pane-0-last", List.of("c", "d")),
        OutputFiles.sortedLinesByNameUpTo(dir, "out-", "-t"));
    assertEquals(List.of(), OutputFiles.leftoverTemporaryFiles(dir));
  }

  @Test
  void writesEachOnTimePaneOfAStreamOnceNamedByWindowAndPane() throws IOException {
    TestStream<KV<String, Integer>> stream = TestStream.create(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of()))
        .addElements(TimestampedValue.of(KV.of("a", 1), new Instant(1_000)),
            TimestampedValue.of(KV.of("b", 2), new Instant(2_000)),
            TimestampedValue.of(KV.of("a", 3), new Instant(59_999)))
        .advanceWatermarkTo(new Instant(60_000))
        .addElements(TimestampedValue.of(KV.of("a", 5), new Instant(61_000)))
        .advanceWatermarkToInfinity();

    p.apply(stream)
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply(Sum.integersPerKey())
        .apply(MapElements.into(TypeDescriptors.strings()).via((KV<String, Integer> kv) -> kv.getKey() + "=" + kv.getValue()))
        .apply(TextIO.write().to(dir.resolve("sums").toString()).withWindowedWrites());

    p.run();

    assertEquals(Map.of(
            "sums-" + FIRST_MINUTE + "-pane-0-last", List.of("a=4", "b=2"),
            "sums-" + SECOND_MINUTE + "-pane-0-last", List.of("a=5")),
        OutputFiles.sortedLinesByNameUpTo(dir, "sums-", "-t"));
    assertEquals(List.of(), OutputFiles.leftoverTemporaryFiles(dir));
  }

  @Test
  void jsonWriteOfAStreamGoesThroughTheWindowedSink() throws IOException {
    TestStream<String> stream = TestStream.create(StringUtf8Coder.of())
        .addElements(at("d1", 1), at("d2", 61))
        .advanceWatermarkToInfinity();

    p.apply(stream)
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply(JsonIO.<String>write().to(dir.resolve("json").toString()).withSuffix(".json").withWindowedWrites());

    p.run();

    assertEquals(Map.of(
            "json-" + FIRST_MINUTE + "-pane-0-last", List.of("\"d1\""),
            "json-" + SECOND_MINUTE + "-pane-0-last", List.of("\"d2\"")),
        OutputFiles.sortedLinesByNameUpTo(dir, "json-", "-t"));
  }

  @Test
  void aLargeBoundedInputIsCommittedExactlyOnceWhateverTheTransactions() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      lines.add("line " + i);
    }
    p.apply(Create.of(lines)).apply(TextIO.write().to(dir.resolve("big").toString()).withWindowedWrites());

    p.run();

    List<String> expected = new ArrayList<>(lines);
    expected.sort(null);
    assertEquals(Map.of("big-global-pane-0-last", expected), OutputFiles.sortedLinesByNameUpTo(dir, "big-", "-t"));
    assertEquals(List.of(), OutputFiles.leftoverTemporaryFiles(dir));
  }
}
