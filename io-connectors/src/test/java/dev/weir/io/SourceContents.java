package dev.weir.io;

import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a bounded source to the end with its own reader, as a runner would, without a runner. */
final class SourceContents {
  private SourceContents() {}

  static <T> List<T> read(BoundedSource<T> source) throws IOException {
    List<T> elements = new ArrayList<>();
    try (BoundedSource.BoundedReader<T> reader = source.createReader(PipelineOptionsFactory.create())) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        elements.add(reader.getCurrent());
      }
    }
    return elements;
  }

  static <T> List<T> readAll(List<? extends BoundedSource<T>> sources) throws IOException {
    List<T> elements = new ArrayList<>();
    for (BoundedSource<T> source : sources) {
      elements.addAll(read(source));
    }
    return elements;
  }
}
