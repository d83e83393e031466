package dev.weir.runtime.graph;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDumpTest {
  @TempDir Path dir;

  private static PipelineGraph graph() {
    Pipeline p = Pipeline.create();
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), "a")));
    return PipelineGraph.of(p);
  }

  @Test
  void writesNothingWhenTheFlagIsUnset() {
    assertThat(GraphDump.writeIfRequested(graph(), PipelineOptionsFactory.create()), nullValue());
  }

  @Test
  void writesTheDotOfTheGraphToTheNamedFile() throws IOException {
    PipelineOptions options = PipelineOptionsFactory.create();
    Path file = dir.resolve("sub/graph.dot");
    options.setDumpGraph(file.toString());
    PipelineGraph graph = graph();

    GraphDump.writeIfRequested(graph, options);

    assertThat(Files.readString(file), is(graph.toDot()));
  }

  @Test
  void failsNamingTheFileAndFlagWhenItCannotWrite() throws IOException {
    PipelineOptions options = PipelineOptionsFactory.create();
    Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
    options.setDumpGraph(notADirectory.resolve("graph.dot").toString());

    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> GraphDump.writeIfRequested(graph(), options));

    assertThat(e.getMessage(), containsString("'" + notADirectory.resolve("graph.dot") + "' (--dumpGraph)"));
  }
}
