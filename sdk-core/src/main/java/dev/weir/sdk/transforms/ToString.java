package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.Objects;

/**
 * Turns elements into strings: {@link #elements()} with {@code toString()}, {@link #kvs()} as
 * {@code key,value}, {@link #iterables()} as the elements joined by commas (other delimiters on
 * request). The output coder is {@link StringUtf8Coder}; null elements print as {@code null}.
 */
public final class ToString {
  private ToString() {}

  /** Each element's {@code toString()}. */
  public static PTransform<PCollection<?>, PCollection<String>> elements() {
    return new Elements();
  }

  /** Each {@link KV} as its key and value joined by a comma. */
  public static PTransform<PCollection<? extends KV<?, ?>>, PCollection<String>> kvs() {
    return kvs(",");
  }

  /** Each {@link KV} as its key and value joined by {@code delimiter}. */
  public static PTransform<PCollection<? extends KV<?, ?>>, PCollection<String>> kvs(String delimiter) {
    return new Kvs(Objects.requireNonNull(delimiter, "delimiter"));
  }

  /** Each {@link Iterable} as its elements joined by a comma. */
  public static PTransform<PCollection<? extends Iterable<?>>, PCollection<String>> iterables() {
    return iterables(",");
  }

  /** Each {@link Iterable} as its elements joined by {@code delimiter}. */
  public static PTransform<PCollection<? extends Iterable<?>>, PCollection<String>> iterables(String delimiter) {
    return new Iterables(Objects.requireNonNull(delimiter, "delimiter"));
  }

  private static final class Elements extends PTransform<PCollection<?>, PCollection<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public PCollection<String> expand(PCollection<?> input) {
      return input.apply("ToString", ParDo.of(new ElementFn())).setCoder(StringUtf8Coder.of());
    }

    @Override
    protected String getKindString() {
      return "ToString.Elements";
    }
  }

  private static final class Kvs extends PTransform<PCollection<? extends KV<?, ?>>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final String delimiter;

    Kvs(String delimiter) {
      this.delimiter = delimiter;
    }

    @Override
    public PCollection<String> expand(PCollection<? extends KV<?, ?>> input) {
      return input.apply("ToString", ParDo.of(new KvFn(delimiter))).setCoder(StringUtf8Coder.of());
    }

    @Override
    protected String getKindString() {
      return "ToString.KVs";
    }
  }

  private static final class Iterables extends PTransform<PCollection<? extends Iterable<?>>, PCollection<String>> {
    private static final long serialVersionUID = 1L;
    private final String delimiter;

    Iterables(String delimiter) {
      this.delimiter = delimiter;
    }

    @Override
    public PCollection<String> expand(PCollection<? extends Iterable<?>> input) {
      return input.apply("ToString", ParDo.of(new IterableFn(delimiter))).setCoder(StringUtf8Coder.of());
    }

    @Override
    protected String getKindString() {
      return "ToString.Iterables";
    }
  }

  private static final class ElementFn extends DoFn<Object, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element Object element, OutputReceiver<String> out) {
      out.output(String.valueOf(element));
    }
  }

  private static final class KvFn extends DoFn<KV<?, ?>, String> {
    private static final long serialVersionUID = 1L;
    private final String delimiter;

    KvFn(String delimiter) {
      this.delimiter = delimiter;
    }

    @ProcessElement
    public void processElement(@Element KV<?, ?> element, OutputReceiver<String> out) {
      out.output(element.getKey() + delimiter + element.getValue());
    }
  }

  private static final class IterableFn extends DoFn<Iterable<?>, String> {
    private static final long serialVersionUID = 1L;
    private final String delimiter;

    IterableFn(String delimiter) {
      this.delimiter = delimiter;
    }

    @ProcessElement
    public void processElement(@Element Iterable<?> element, OutputReceiver<String> out) {
      StringBuilder joined = new StringBuilder();
      boolean first = true;
      for (Object item : element) {
        if (!first) {
          joined.append(delimiter);
        }
        joined.append(item);
        first = false;
      }
      out.output(joined.toString());
    }
  }
}
