package dev.weir.examples.chaos;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.io.TextIO;
import dev.weir.io.synthetic.Event;
import dev.weir.io.synthetic.SyntheticEvents;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.options.Default;
import dev.weir.sdk.options.Description;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.options.Validation;
import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PDone;
import dev.weir.sdk.values.TypeDescriptors;

/**
 * The exactly-once demonstration pipeline that {@code chaos} runs in a child JVM and kills: the
 * generator's events {@code 0 <= i < --records}, each given a key and a per-key sequence number
 * ({@link TotalLine}), a running total per key ({@link RunningTotalFn}, state), and the lines
 * written to exactly-once files under {@code --output}, which appear only when the runner commits
 * them.
 *
 * <p>The events come from the unbounded generator, optionally at {@code --rate} events per second,
 * so the run is a stream that a streaming runner checkpoints and replays from its checkpoint marks;
 * it ends after the last event. Prints {@value #RUNNING} just before the pipeline runs (the moment
 * kill delays count from) and {@value #DONE} when it has finished.
 */
public final class ChaosPipeline {
  /** The line printed just before the pipeline runs. */
  public static final String RUNNING = "chaos: running";
  /** The line printed once the pipeline has finished. */
  public static final String DONE = "chaos: done";

  /** The flags of the demonstration pipeline; a runner's flags may be given alongside them. */
  public interface ChaosPipelineOptions extends PipelineOptions {
    @Description("How many records (generator events) in total")
    @Default.Long(45_000)
    Long getRecords();

    void setRecords(Long value);

    @Description("How many keys the records are spread over")
    @Default.Integer(16)
    Integer getKeys();

    void setKeys(Integer value);

    @Description("Events per second the generator delivers at most; 0 for as fast as possible")
    @Default.Long(0)
    Long getRate();

    void setRate(Long value);

    @Description("Prefix of the output files, for example /tmp/chaos/output/records")
    @Validation.Required
    String getOutput();

    void setOutput(String value);
  }

  private ChaosPipeline() {}

  /** Runs the pipeline with {@code args} until it finishes. */
  public static void main(String[] args) {
    ChaosPipelineOptions options =
        PipelineOptionsFactory.fromArgs(args).withValidation().as(ChaosPipelineOptions.class);
    Pipeline p = Pipeline.create(options);
    runningTotals(p, options).apply("WriteCommitted", committedFiles(options.getOutput()));
    System.out.println(RUNNING);
    p.run().waitUntilFinish();
    System.out.println(DONE);
  }

  /** Adds the generator and the running totals to {@code p}; returns the output lines. */
  static PCollection<String> runningTotals(Pipeline p, ChaosPipelineOptions options) {
    long records = options.getRecords();
    int keys = options.getKeys();
    checkArgument(records >= 0, "--records must be >= 0, got %s", records);
    checkArgument(keys >= 1, "--keys must be >= 1, got %s", keys);
    checkArgument(options.getRate() >= 0, "--rate must be >= 0 events per second, got %s", options.getRate());
    SyntheticEvents.Unbounded events = SyntheticEvents.unbounded().withMaxEvents(records);
    if (options.getRate() > 0) {
      events = events.withRate(options.getRate());
    }
    return p.apply("Generate", events)
        .apply("KeyAndSequence", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptors.longs())))
            .via((Event e) -> KV.of("k" + TotalLine.keyOf(e.index(), keys),
                KV.of(TotalLine.seqOf(e.index(), keys), TotalLine.amountOf(e)))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("RunningTotal", ParDo.of(new RunningTotalFn()))
        .setCoder(StringUtf8Coder.of());
  }

  /**
   * The exactly-once file write of the output lines ({@code TextIO.write().withWindowedWrites()}):
   * files {@code prefix-global-pane-...-t<transaction>-s<shard>} appear only once the runner
   * commits their transaction.
   */
  static PTransform<PCollection<String>, PDone> committedFiles(String prefix) {
    return TextIO.write().to(prefix).withWindowedWrites();
  }
}
