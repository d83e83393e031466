package dev.weir.runners.direct;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PDone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphDumpTest {
  @TempDir Path dir;

  @Test
  void writesTheExpandedGraphToDumpGraphBeforeRunning() throws IOException {
    Path file = dir.resolve("pipeline.dot");
    Pipeline p = TestOptions.pipeline("--dumpGraph=" + file);
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), "a")))
        .apply("Sink", new CollectedSink());

    p.run();

    String dot = Files.readString(file);
    assertThat(dot, is(PipelineGraph.of(p).toDot()));
    assertThat(dot, containsString("label=\"Sink\""));
    assertThat(dot, containsString("step0 -> step1 [label=\"Read.out\"];"));
  }

  /** A composite, so that the dump has a cluster. */
  static final class CollectedSink extends PTransform<PCollection<String>, PDone> {
    private static final long serialVersionUID = 1L;

    @Override
    public PDone expand(PCollection<String> input) {
      Collected.of(input);
      return PDone.in(input.getPipeline());
    }
  }
}
