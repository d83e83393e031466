package dev.weir.runners.microbatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * What one batch did, reported after it committed: the micro-batch runner's counterpart of Spark's
 * {@code StreamingQueryProgress}. Printed as one line per batch (unless {@code --quietProgress}),
 * appended as one JSON object per line to {@code <checkpointDir>/progress/progress.jsonl}, and
 * kept by {@link MicroBatchPipelineResult#recentProgress()}.
 *
 * <p>Immutable.
 *
 * @param batchId the batch
 * @param timestamp when the batch started, by the system clock
 * @param inputRows how many records the batch read over all sources
 * @param inputRowsPerSecond records read per second since the previous batch started
 * @param processedRowsPerSecond records read per second of this batch's own duration
 * @param planningMillis time spent reading the sources and planning the batch
 * @param logWriteMillis time spent writing the offset log entry
 * @param executionMillis time spent running the stages
 * @param commitMillis time spent committing sinks, state and the commit log entry
 * @param watermark the event-time watermark the batch ran under (least over the sources)
 * @param processingTime the processing time the batch ran at
 * @param stateRows per keyed or waiting operator, by step name: what it holds between batches
 *     (elements waiting for side inputs, plus one per key partition holding a watermark hold)
 */
public record BatchProgress(
    long batchId,
    Instant timestamp,
    long inputRows,
    double inputRowsPerSecond,
    double processedRowsPerSecond,
    long planningMillis,
    long logWriteMillis,
    long executionMillis,
    long commitMillis,
    Instant watermark,
    Instant processingTime,
    Map<String, Long> stateRows) {
  /**
   * Built on the first report written as JSON, not when the first batch's progress is made:
   * Jackson's start-up costs tens of milliseconds, which a query that writes no progress file
   * should not pay in its first batch.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  public BatchProgress {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(processingTime, "processingTime");
    stateRows = Map.copyOf(stateRows);
  }

  /** The batch's whole duration, from planning to its commit entry. */
  public long totalMillis() {
    return planningMillis + logWriteMillis + executionMillis + commitMillis;
  }

  /** The one-line summary printed after each batch. */
  public String toLine() {
    return String.format("batch %d: %d rows, %.1f rows/s in, %.1f rows/s processed, %d ms (plan %d, log %d,"
            + " run %d, commit %d), watermark %s", batchId, inputRows, inputRowsPerSecond, processedRowsPerSecond,
        totalMillis(), planningMillis, logWriteMillis, executionMillis, commitMillis, watermark);
  }

  /** This progress as one JSON object, on one line. */
  public String toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("batchId", batchId);
    node.put("timestamp", timestamp.toString());
    node.put("inputRows", inputRows);
    node.put("inputRowsPerSecond", inputRowsPerSecond);
    node.put("processedRowsPerSecond", processedRowsPerSecond);
    ObjectNode durations = node.putObject("durationMs");
    durations.put("planning", planningMillis);
    durations.put("logWrite", logWriteMillis);
    durations.put("execution", executionMillis);
    durations.put("commit", commitMillis);
    durations.put("total", totalMillis());
    node.put("watermark", watermark.toString());
    node.put("processingTime", processingTime.toString());
    ObjectNode state = node.putObject("stateRows");
    new LinkedHashMap<>(stateRows).forEach(state::put);
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A progress report could not be written as JSON: " + e, e);
    }
  }
}
