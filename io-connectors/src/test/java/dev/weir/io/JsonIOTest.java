package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.metrics.MetricNameFilter;
import dev.weir.sdk.metrics.MetricResult;
import dev.weir.sdk.metrics.MetricsFilter;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** JsonIO on the test runner: binding records and POJOs, trees, dead letters, the typing refusal, round trips. */
@ValidatesRunner
class JsonIOTest {
  @TempDir Path dir;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  /** A device reading, as a record. */
  public record Reading(String device, int signal, long ts) {}

  /** The same reading as a mutable bean. */
  public static final class ReadingBean {
    private String device;
    private int signal;

    public String getDevice() {
      return device;
    }

    public void setDevice(String device) {
      this.device = device;
    }

    public int getSignal() {
      return signal;
    }

    public void setSignal(int signal) {
      this.signal = signal;
    }
  }

  /** A type whose JSON would name the class to instantiate. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  public abstract static class Shape {}

  /** A record reaching a class-id type through a field. */
  public record Drawing(String title, List<Shape> shapes) {}

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static long malformedRecords(PipelineResult result) {
    Iterable<MetricResult<Long>> counters = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(JsonIO.class, "malformedRecords")).build()).getCounters();
    long total = 0;
    for (MetricResult<Long> counter : counters) {
      total += counter.getAttempted();
    }
    return total;
  }

  @Test
  void readsEachLineIntoARecord() throws IOException {
    Path input = write("in.json", "{\"device\": \"d1\", \"signal\": 17, \"ts\": 1700000000000}\n"
        + "{\"ts\": 5, \"signal\": 3, \"device\": \"d2\"}\n");

    JsonIO.ReadResult<Reading> read = p.apply(JsonIO.read(Reading.class).from(input.toString()));

    PAssert.that(read.output()).containsInAnyOrder(new Reading("d1", 17, 1700000000000L), new Reading("d2", 3, 5));
    PAssert.that(read.deadLetters()).empty();
    p.run();
  }

  @Test
  void readsEachLineIntoABean() throws IOException {
    Path input = write("in.json", "{\"device\": \"d1\", \"signal\": 17}\n{\"device\": \"d2\", \"signal\": 3}\n");

    JsonIO.ReadResult<ReadingBean> read = p.apply(JsonIO.read(ReadingBean.class).from(input.toString()));

    PAssert.that(read.output().apply(MapElements.into(TypeDescriptors.strings())
        .via((ReadingBean r) -> r.getDevice() + "=" + r.getSignal()))).containsInAnyOrder("d1=17", "d2=3");
    p.run();
  }

  @Test
  void readsEachLineIntoATree() throws IOException {
    Path input = write("in.json", "{\"device\": \"d1\", \"tags\": [\"a\", \"b\"]}\n{\"n\": 1.5}\n");
    ObjectMapper mapper = new ObjectMapper();

    JsonIO.ReadResult<JsonNode> read = p.apply(JsonIO.readTree().from(input.toString()));

    PAssert.that(read.output()).containsInAnyOrder(
        mapper.readTree("{\"device\": \"d1\", \"tags\": [\"a\", \"b\"]}"), mapper.readTree("{\"n\": 1.5}"));
    p.run();
  }

  @Test
  void sendsMalformedLinesToTheDeadLettersWithFileLineAndErrorAndCountsThem() throws IOException {
    Path input = write("mixed.json", "{\"device\": \"d1\", \"signal\": 1, \"ts\": 1}\n"
        + "{\"device\": \"d2\", \"signal\": \n"
        + "\n"
        + "{\"device\": \"d3\", \"signal\": 3, \"ts\": 3}\n"
        + "[1, 2]\n"
        + "{\"device\": \"d4\", \"signal\": 4, \"ts\": 4} extra\n");

    JsonIO.ReadResult<Reading> read = p.apply(JsonIO.read(Reading.class).from(input.toString()));

    PAssert.that(read.output()).containsInAnyOrder(new Reading("d1", 1, 1), new Reading("d3", 3, 3));
    PAssert.that(read.deadLetters()).containsInAnyOrder(
        new DeadLetter("{\"device\": \"d2\", \"signal\": ", input.toString(), 2,
            "Unexpected end-of-input within/between Object entries (column 28)"),
        new DeadLetter("[1, 2]", input.toString(), 5,
            "Cannot deserialize value of type `dev.weir.io.JsonIOTest$Reading` from Array value"
                + " (token `JsonToken.START_ARRAY`) (column 1)"),
        new DeadLetter("{\"device\": \"d4\", \"signal\": 4, \"ts\": 4} extra", input.toString(), 6,
            "Unrecognized token 'extra': was expecting (JSON String, Number, Array, Object or token 'null',"
                + " 'true' or 'false') (column 45)"));
    PipelineResult result = p.run();

    assertEquals(3, malformedRecords(result));
  }

  @Test
  void sendsALineWithAnUnknownPropertyToTheDeadLetters() throws IOException {
    Path input = write("in.json", "{\"device\": \"d1\", \"signal\": 1, \"ts\": 1, \"unit\": \"dB\"}\n");

    JsonIO.ReadResult<Reading> read = p.apply(JsonIO.read(Reading.class).from(input.toString()));

    PAssert.that(read.output()).empty();
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.strings())
        .via((DeadLetter d) -> d.lineNumber() + ": " + d.error().substring(0, d.error().indexOf('(')))))
        .containsInAnyOrder("1: Unrecognized field \"unit\" ");
    p.run();
  }

  @Test
  void sendsATreeLineThatIsNotAnObjectToTheDeadLetters() throws IOException {
    Path input = write("in.json", "{\"ok\": true}\n42\n");

    JsonIO.ReadResult<JsonNode> read = p.apply(JsonIO.readTree().from(input.toString()));

    PAssert.that(read.deadLetters()).containsInAnyOrder(
        new DeadLetter("42", input.toString(), 2, "expected a JSON object, got NUMBER"));
    p.run();
  }

  @Test
  void readsEveryGoodLineOfALargeSplitFileAndNumbersTheBadOnes() throws IOException {
    StringBuilder content = new StringBuilder();
    List<Reading> good = new ArrayList<>();
    List<Long> badLines = new ArrayList<>();
    for (int i = 1; i <= 5000; i++) {
      if (i % 97 == 0) {
        content.append("{broken ").append(i).append('\n');
        badLines.add((long) i);
      } else {
        good.add(new Reading("d" + i, i, i));
        content.append("{\"device\":\"d").append(i).append("\",\"signal\":").append(i)
            .append(",\"ts\":").append(i).append("}\n");
      }
    }
    Path input = write("large.json", content.toString());

    JsonIO.ReadResult<Reading> read = p.apply(JsonIO.read(Reading.class).from(input.toString()));

    PAssert.that(read.output()).containsInAnyOrder(good);
    PAssert.that(read.deadLetters().apply(MapElements.into(TypeDescriptors.longs()).via(DeadLetter::lineNumber)))
        .containsInAnyOrder(badLines);
    assertEquals(badLines.size(), malformedRecords(p.run()));
  }

  @Test
  void refusesATargetTypeWhoseJsonWouldNameClasses() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonIO.read(Drawing.class));

    assertEquals("JsonIO.read(Drawing.class): dev.weir.io.JsonIOTest$Drawing.shapes (dev.weir.io.JsonIOTest$Shape)"
        + " is annotated @JsonTypeInfo(use = Id.CLASS), which lets each JSON input record name the Java class to"
        + " instantiate. JsonIO refuses it: JSON input must not choose which classes get instantiated. Fix: use"
        + " Id.NAME with @JsonSubTypes listing the allowed subtypes, or a concrete class.", e.getMessage());
  }

  @Test
  void writesElementsAsJsonLinesThatReadBackEqual() throws IOException {
    Path input = write("in.json", "{\"device\": \"d1\", \"signal\": 1, \"ts\": 10}\n"
        + "{\"device\": \"line\\nbreak\", \"signal\": 2, \"ts\": 20}\n");

    p.apply(JsonIO.read(Reading.class).from(input.toString())).output()
        .apply(JsonIO.<Reading>write().to(dir.resolve("out/readings").toString()).withSuffix(".json"));
    p.run();

    List<Reading> readBack = new ArrayList<>();
    for (String line : SourceContents.read(TextSource.fromPattern(dir + "/out/readings*.json", Compression.AUTO))) {
      readBack.add(JsonIO.newObjectMapper().readValue(line, Reading.class));
    }
    readBack.sort(Comparator.comparing(Reading::ts));
    assertEquals(List.of(new Reading("d1", 1, 10), new Reading("line\nbreak", 2, 20)), readBack);
  }

  @Test
  void writesDeadLettersAsJson() throws IOException {
    Path input = write("in.json", "nope\n");
    p.apply(JsonIO.read(Reading.class).from(input.toString())).deadLetters()
        .apply(JsonIO.<DeadLetter>write().to(dir.resolve("bad").toString()).withoutSharding());
    p.run();

    JsonNode letter = new ObjectMapper().readTree(Files.readString(dir.resolve("bad")));
    assertEquals("nope", letter.get("line").asText());
    assertEquals(input.toString(), letter.get("file").asText());
    assertEquals(1, letter.get("lineNumber").asLong());
  }
}
