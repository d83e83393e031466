package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class TextWriteConfigTest {
  private static TextWriteConfig config(String prefix, String template, String suffix) {
    return new TextWriteConfig(prefix, template, suffix, null, null, 0, "/tmp/unused");
  }

  @Test
  void replacesRunsOfSAndNWithZeroPaddedNumbers() {
    assertEquals(Paths.get("/out/counts-00002-of-00003.txt"),
        config("/out/counts", ShardNameTemplate.INDEX_OF_MAX, ".txt").fileFor(2, 3));
  }

  @Test
  void widensNumbersLongerThanTheirRun() {
    assertEquals(Paths.get("/out/p-123of7"), config("/out/p", "-SofN", "").fileFor(123, 7));
  }

  @Test
  void anEmptyTemplateNamesThePrefixAndSuffix() {
    assertEquals(Paths.get("/out/result.csv"), config("/out/result", "", ".csv").fileFor(0, 1));
  }

  @Test
  void directoryContainerPutsShardsInsideThePrefix() {
    assertEquals(Paths.get("/out/dir/part-00004"),
        config("/out/dir", ShardNameTemplate.DIRECTORY_CONTAINER, "").fileFor(4, 5));
  }

  @Test
  void relativePrefixesResolveAgainstTheWorkingDirectory() {
    Path expected = Paths.get("rel/x-0-of-1").toAbsolutePath();
    assertEquals(expected, config("rel/x", "-S-of-N", "").fileFor(0, 1));
  }

  @Test
  void theOutputDirectoryIsThePrefixsParentOrThePrefixEndingInSlash() {
    assertEquals(Paths.get("/out"), TextWriteConfig.outputDirectory("/out/counts"));
    assertEquals(Paths.get("/out/counts"), TextWriteConfig.outputDirectory("/out/counts/"));
    assertEquals(Paths.get("").toAbsolutePath(), TextWriteConfig.outputDirectory("counts"));
  }
}
