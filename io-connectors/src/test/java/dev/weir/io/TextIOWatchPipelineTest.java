package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code TextIO.read().watchForNewFiles(...)} in a streaming pipeline on the test runner. */
@ValidatesRunner
class TextIOWatchPipelineTest {
  /**
   * More lines than the direct runner reads in 50 rounds of at most 1000 records, so that it
   * restores the reader from a coded checkpoint mark in the middle of the big file.
   */
  private static final int BIG_FILE_LINES = 60_000;

  @TempDir Path dir;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  // A reader restored at the wrong offset rereads the big file forever: fail instead of hanging.
  @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void readsEveryLineOfTheWatchedFilesOnceAndEndsAfterNoNewFile() throws IOException {
    List<String> expected = new ArrayList<>();
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < BIG_FILE_LINES; i++) {
      big.append("big ").append(i).append('\n');
      expected.add("big " + i);
    }
    Files.writeString(dir.resolve("a.txt"), big, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("b.txt"), "b1\r\nb2", StandardCharsets.UTF_8);
    expected.add("b1");
    expected.add("b2");

    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/*.txt")
        .watchForNewFiles(Duration.millis(10), Watch.Growth.afterTimeSinceNewOutput(Duration.millis(200))));

    assertEquals(PCollection.IsBounded.UNBOUNDED, lines.isBounded());
    PAssert.that(lines).containsInAnyOrder(expected);
    p.run();
  }
}
