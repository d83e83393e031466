package dev.weir.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.TupleTag;
import java.util.stream.Collectors;

/**
 * Binds each non-blank line to a {@code T} with JsonIO's mapper, sending lines that do not parse or
 * bind to the dead-letter output and counting them in {@code JsonIO/malformedRecords}.
 *
 * <p>A line is good when it holds exactly one JSON object (trailing tokens are an error) that
 * binds to {@code T} with no unknown property. Whitespace-only lines hold no record and are
 * skipped. One instance per thread, as every DoFn; the reader is built in {@code @Setup}.
 */
final class ParseJsonFn<T> extends DoFn<LocatedLine, T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final TupleTag<T> outputTag;
  private final TupleTag<DeadLetter> deadLetterTag;
  private final Counter malformed = Metrics.counter(JsonIO.class, "malformedRecords");
  private transient ObjectReader reader;

  ParseJsonFn(Class<T> type, TupleTag<T> outputTag, TupleTag<DeadLetter> deadLetterTag) {
    this.type = type;
    this.outputTag = outputTag;
    this.deadLetterTag = deadLetterTag;
  }

  @Setup
  public void setup() {
    reader = JsonIO.newObjectMapper().readerFor(type);
  }

  @ProcessElement
  public void process(@Element LocatedLine line, MultiOutputReceiver out) {
    if (line.line().isBlank()) {
      return;
    }
    String error;
    try {
      T value = reader.readValue(line.line());
      error = rejectionOf(value);
      if (error == null) {
        out.get(outputTag).output(value);
        return;
      }
    } catch (JsonProcessingException e) {
      error = describe(e);
    }
    malformed.inc();
    out.get(deadLetterTag).output(new DeadLetter(line.line(), line.file(), line.lineNumber(), error));
  }

  /** Why a value that parsed is still not a record, or null if it is one. */
  private static String rejectionOf(Object value) {
    if (value == null) {
      return "the line is JSON null, not a JSON object";
    }
    if (value instanceof JsonNode node && !node.isObject()) {
      return "expected a JSON object, got " + node.getNodeType();
    }
    return null;
  }

  /** Jackson's message without its source excerpt, with the column and the property path where known. */
  static String describe(JsonProcessingException e) {
    StringBuilder message = new StringBuilder(e.getOriginalMessage());
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      message.append(" at ").append(mapping.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")));
    }
    if (e.getLocation() != null && e.getLocation().getColumnNr() > 0) {
      message.append(" (column ").append(e.getLocation().getColumnNr()).append(')');
    }
    return message.toString();
  }
}
