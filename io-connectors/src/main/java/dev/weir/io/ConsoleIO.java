package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PDone;
import java.io.PrintStream;
import org.joda.time.Instant;

/**
 * Prints each element of a collection to standard output with its window, pane and timestamp, as
 * it is processed: a sink for examples and debugging, the counterpart of Spark's console sink.
 *
 * <pre>{@code
 * averages.apply(ConsoleIO.<KV<String, Double>>write().withLabel("avg"));
 * // avg: KV{d1, 17.5} window=[2023-11-14T22:13:00.000Z..2023-11-14T22:14:00.000Z) pane=0 ON_TIME last ts=2023-11-14T22:13:59.999Z
 * }</pre>
 *
 * <p>One line per element and window, {@code label: value window=W pane=INDEX TIMING[ first][ last]
 * ts=TIMESTAMP}, where the value is its {@code toString()}, the global window prints as
 * {@code global} and a pane that no trigger produced prints as {@code pane=none}. Lines are printed
 * whole (one {@code println} each) but, with parallel workers, in no particular order; nothing is
 * retried or deduplicated, so a runner that replays input prints it again. Weir-specific: Beam has
 * no console sink in its SDK.
 */
public final class ConsoleIO {
  private ConsoleIO() {}

  /** Prints every element; label {@code "console"} unless {@link Write#withLabel} says otherwise. */
  public static <T> Write<T> write() {
    return new Write<>("console");
  }

  /** The line {@link Write} prints for {@code value} in {@code window} and {@code pane} at {@code timestamp}. */
  static String format(String label, Object value, Instant timestamp, BoundedWindow window, PaneInfo pane) {
    StringBuilder line = new StringBuilder(label).append(": ").append(value)
        .append(" window=").append(window instanceof GlobalWindow ? "global" : window.toString());
    if (pane.isUnknown()) {
      line.append(" pane=none");
    } else {
      line.append(" pane=").append(pane.getIndex()).append(' ').append(pane.getTiming());
      if (pane.isFirst()) {
        line.append(" first");
      }
      if (pane.isLast()) {
        line.append(" last");
      }
    }
    return line.append(" ts=").append(timestamp).toString();
  }

  /**
   * Prints each element; immutable, each {@code withX} returns a copy.
   *
   * @param <T> the type of the elements printed
   */
  public static final class Write<T> extends PTransform<PCollection<T>, PDone> {
    private static final long serialVersionUID = 1L;

    private final String label;

    private Write(String label) {
      this.label = label;
    }

    /** Starts every line with {@code label}, to tell several console sinks apart. */
    public Write<T> withLabel(String label) {
      checkArgument(label != null && !label.isEmpty(), "ConsoleIO.write().withLabel(): the label must not be empty");
      return new Write<>(label);
    }

    @Override
    public PDone expand(PCollection<T> input) {
      input.apply("Print", ParDo.of(new PrintFn<T>(label)));
      return PDone.in(input.getPipeline());
    }

    @Override
    protected String getKindString() {
      return "ConsoleIO.Write";
    }
  }

  /** Prints one line per element and window to the current {@link System#out}. */
  private static final class PrintFn<T> extends DoFn<T, Void> {
    private static final long serialVersionUID = 1L;

    private final String label;

    PrintFn(String label) {
      this.label = label;
    }

    @ProcessElement
    public void process(@Element T element, @Timestamp Instant timestamp, BoundedWindow window, PaneInfo pane) {
      // Looked up per element, so that a caller who redirects System.out redirects this sink too.
      PrintStream out = System.out;
      out.println(format(label, element, timestamp, window, pane));
    }
  }
}
