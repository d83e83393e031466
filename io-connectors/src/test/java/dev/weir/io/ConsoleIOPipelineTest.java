package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ConsoleIO#write()} in a pipeline on the test runner prints each pane's elements once. */
@ValidatesRunner
class ConsoleIOPipelineTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void printsEachElementWithItsWindowAndPane() {
    p.apply(Create.timestamped(TimestampedValue.of(KV.of("d1", 2), new Instant(1_000)),
            TimestampedValue.of(KV.of("d1", 3), new Instant(2_000)),
            TimestampedValue.of(KV.of("d2", 4), new Instant(61_000))))
        .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))))
        .apply(Sum.integersPerKey())
        .apply(ConsoleIO.<KV<String, Integer>>write().withLabel("sum"));

    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      p.run();
    } finally {
      System.setOut(original);
    }

    List<String> lines = Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(line -> line.startsWith("sum: ")).sorted().toList();
    assertEquals(List.of(
        "sum: KV{d1, 5} window=[1970-01-01T00:00:00.000Z..1970-01-01T00:01:00.000Z) pane=0 ON_TIME first last"
            + " ts=1970-01-01T00:00:59.999Z",
        "sum: KV{d2, 4} window=[1970-01-01T00:01:00.000Z..1970-01-01T00:02:00.000Z) pane=0 ON_TIME first last"
            + " ts=1970-01-01T00:01:59.999Z"), lines);
  }
}
