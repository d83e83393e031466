package dev.weir.sdk.testing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VoidCoder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PDone;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The transform one {@link PAssert} assertion applies to the collection it checks: gathers the
 * contents, with each element's window and pane, into a side input (as its {@link AssertionScope}
 * needs them), and checks the elements in scope once, in a {@code ParDo} over a single trigger
 * element read from a private one-element source.
 *
 * <p>The trigger element is what makes an empty collection checked too: a grouping of no elements
 * would produce nothing to run the check on. It is built only of primitives (Read, Window.Assign,
 * View, ParDo), so it runs on every runner. The check counts {@link PAssert#SUCCESS_COUNTER} or
 * {@link PAssert#FAILURE_COUNTER}; a failure throws the assertion's {@link AssertionError}, which
 * fails the run. Immutable.
 *
 * @param <ElemT> the element type of the collection checked
 */
final class GatherThenCheck<ElemT> extends PTransform<PCollection<ElemT>, PDone> {
  private static final long serialVersionUID = 1L;

  private final ContentsCheck<ElemT, ?> check;

  GatherThenCheck(ContentsCheck<ElemT, ?> check) {
    this.check = check;
  }

  @Override
  public PDone expand(PCollection<ElemT> input) {
    PCollectionView<Iterable<ValueInPane<ElemT>>> contents =
        input.apply("Gather", GatherContents.<ElemT>forScope(check.scope()));
    input.getPipeline()
        .apply("Trigger", Read.from(new TriggerSource()))
        .apply("Check", ParDo.of(new CheckFn<>(contents, check)).withSideInputs(contents))
        .setCoder(VoidCoder.of());
    return PDone.in(input.getPipeline());
  }

  @Override
  protected String getKindString() {
    return "PAssert";
  }

  /** Runs the check for each trigger element (there is one); outputs nothing. */
  private static final class CheckFn<ElemT> extends DoFn<Integer, Void> {
    private static final long serialVersionUID = 1L;

    private final PCollectionView<Iterable<ValueInPane<ElemT>>> contents;
    private final ContentsCheck<ElemT, ?> check;
    private final Counter successes = Metrics.counter(PAssert.class, PAssert.SUCCESS_COUNTER);
    private final Counter failures = Metrics.counter(PAssert.class, PAssert.FAILURE_COUNTER);

    CheckFn(PCollectionView<Iterable<ValueInPane<ElemT>>> contents, ContentsCheck<ElemT, ?> check) {
      this.contents = contents;
      this.check = check;
    }

    @ProcessElement
    public void processElement(ProcessContext c) {
      try {
        check.verifyGathered(c.sideInput(contents));
      } catch (AssertionError e) {
        failures.inc();
        throw e;
      }
      successes.inc();
    }
  }

  /** A source of the single element 0, in the global window at the minimum timestamp. */
  private static final class TriggerSource extends BoundedSource<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<TriggerSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) {
      return 1;
    }

    @Override
    public BoundedReader<Integer> createReader(PipelineOptions options) {
      return new TriggerReader(this);
    }

    @Override
    public Coder<Integer> getOutputCoder() {
      return VarIntCoder.of();
    }
  }

  /** Reads the one element of a {@link TriggerSource}. */
  private static final class TriggerReader extends BoundedSource.BoundedReader<Integer> {
    private final TriggerSource source;
    private boolean atElement;

    TriggerReader(TriggerSource source) {
      this.source = source;
    }

    @Override
    public boolean start() {
      atElement = true;
      return true;
    }

    @Override
    public boolean advance() {
      atElement = false;
      return false;
    }

    @Override
    public Integer getCurrent() {
      if (!atElement) {
        throw new NoSuchElementException("The trigger source has one element, read by start()");
      }
      return 0;
    }

    @Override
    public void close() {}

    @Override
    public TriggerSource getCurrentSource() {
      return source;
    }
  }
}
