package dev.weir.sdk.transforms;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TimestampedValue.TimestampedValueCoder;
import dev.weir.sdk.values.TypeDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Instant;

/**
 * Makes a {@link PCollection} from values held in the program: {@code p.apply(Create.of("a", "b"))}.
 *
 * <p>The elements are encoded when the transform is applied and read back through an in-memory
 * {@link dev.weir.sdk.io.BoundedSource} that splits into parts, so they need not be
 * serializable and the copies downstream never alias the caller's objects. The output coder is, in
 * order: the one given to {@code withCoder}; the one the registry has for the type given to
 * {@code withType}/{@code empty(TypeDescriptor)}; the one the registry has for the elements' common
 * class ({@code KV}s are inferred key and value apart). Elements of different classes, or no
 * elements, need an explicit coder; the error says so.
 */
public final class Create {
  private Create() {}

  /** A collection of {@code elements}, in the global window at the minimum timestamp. */
  @SafeVarargs
  public static <T> Values<T> of(T element, T... elements) {
    List<T> all = new ArrayList<>();
    all.add(element);
    if (elements == null) {
      // Java passes a lone null second argument as the varargs array itself: it is one null element.
      all.add(null);
    } else {
      for (T each : elements) {
        all.add(each);
      }
    }
    return of(all);
  }

  /** A collection of the elements of {@code elements}, copied now. */
  public static <T> Values<T> of(Iterable<T> elements) {
    List<T> copy = new ArrayList<>();
    elements.forEach(copy::add);
    return new Values<>(Collections.unmodifiableList(copy), null, null);
  }

  /** A collection of the entries of {@code map} as {@link KV}s. */
  public static <K, V> Values<KV<K, V>> of(Map<K, V> map) {
    List<KV<K, V>> kvs = new ArrayList<>(map.size());
    for (Map.Entry<K, V> entry : map.entrySet()) {
      kvs.add(KV.of(entry.getKey(), entry.getValue()));
    }
    return of(kvs);
  }

  /** An empty collection whose elements {@code coder} would encode. */
  public static <T> Values<T> empty(Coder<T> coder) {
    return new Values<>(List.of(), Objects.requireNonNull(coder, "coder"), null);
  }

  /** An empty collection of {@code type}, whose coder comes from the registry. */
  public static <T> Values<T> empty(TypeDescriptor<T> type) {
    return new Values<>(List.of(), null, Objects.requireNonNull(type, "type"));
  }

  /** A collection of the given values, each at its own timestamp, in the global window. */
  @SafeVarargs
  public static <T> TimestampedValues<T> timestamped(TimestampedValue<T> element, TimestampedValue<T>... elements) {
    List<TimestampedValue<T>> all = new ArrayList<>(elements.length + 1);
    all.add(element);
    for (TimestampedValue<T> each : elements) {
      all.add(each);
    }
    return timestamped(all);
  }

  /** A collection of the given values, each at its own timestamp. */
  public static <T> TimestampedValues<T> timestamped(Iterable<TimestampedValue<T>> elements) {
    List<TimestampedValue<T>> copy = new ArrayList<>();
    elements.forEach(copy::add);
    return new TimestampedValues<>(Collections.unmodifiableList(copy), null, null);
  }

  /**
   * A collection of {@code values}, the i-th at the i-th of {@code timestamps} (milliseconds since
   * the epoch); both must have the same length.
   */
  public static <T> TimestampedValues<T> timestamped(Iterable<T> values, Iterable<Long> timestamps) {
    List<TimestampedValue<T>> all = new ArrayList<>();
    Iterator<Long> ts = timestamps.iterator();
    for (T value : values) {
      checkArgument(ts.hasNext(), "Create.timestamped: fewer timestamps than values; give one timestamp per value");
      all.add(TimestampedValue.of(value, new Instant(ts.next())));
    }
    checkArgument(!ts.hasNext(), "Create.timestamped: more timestamps than values; give one timestamp per value");
    return timestamped(all);
  }

  /**
   * The transform {@link Create#of} returns.
   *
   * @param <T> the element type
   */
  public static final class Values<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    // Transient: the elements need not be serializable; the source holds them encoded.
    private final transient List<T> elements;
    private final Coder<T> coder;
    // Transient: types are needed only to infer coders while the pipeline is built, and a type
    // holding type variables does not serialize.
    private final transient TypeDescriptor<T> type;

    private Values(List<T> elements, Coder<T> coder, TypeDescriptor<T> type) {
      this.elements = elements;
      this.coder = coder;
      this.type = type;
    }

    /** This transform with the output coder {@code coder}, which must encode every element. */
    public Values<T> withCoder(Coder<T> coder) {
      return new Values<>(elements, Objects.requireNonNull(coder, "coder"), type);
    }

    /** This transform inferring its coder from {@code type} rather than from the elements. */
    public Values<T> withType(TypeDescriptor<T> type) {
      return new Values<>(elements, coder, Objects.requireNonNull(type, "type"));
    }

    /** The elements, in the order given. */
    public Iterable<T> getElements() {
      return elements;
    }

    /** The coder the output will have; fails naming the fix when it cannot be inferred. */
    public Coder<T> getDefaultOutputCoder(PBegin input) {
      return outputCoder(input.getPipeline().getCoderRegistry(), elements, coder, type, "Create.Values");
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      Coder<T> outputCoder = getDefaultOutputCoder(input);
      return input.apply(Read.from(CreateSource.fromIterable(elements, outputCoder, "Create.Values")));
    }

    @Override
    protected String getKindString() {
      return "Create.Values";
    }
  }

  /**
   * The transform {@link Create#timestamped} returns.
   *
   * @param <T> the element type
   */
  public static final class TimestampedValues<T> extends PTransform<PBegin, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private final transient List<TimestampedValue<T>> elements;
    private final Coder<T> coder;
    private final transient TypeDescriptor<T> type;

    private TimestampedValues(List<TimestampedValue<T>> elements, Coder<T> coder, TypeDescriptor<T> type) {
      this.elements = elements;
      this.coder = coder;
      this.type = type;
    }

    /** This transform with the value coder {@code coder}. */
    public TimestampedValues<T> withCoder(Coder<T> coder) {
      return new TimestampedValues<>(elements, Objects.requireNonNull(coder, "coder"), type);
    }

    /** This transform inferring its coder from {@code type} rather than from the values. */
    public TimestampedValues<T> withType(TypeDescriptor<T> type) {
      return new TimestampedValues<>(elements, coder, Objects.requireNonNull(type, "type"));
    }

    @Override
    public PCollection<T> expand(PBegin input) {
      List<T> values = new ArrayList<>(elements.size());
      for (TimestampedValue<T> element : elements) {
        values.add(element.getValue());
      }
      Coder<T> valueCoder = outputCoder(
          input.getPipeline().getCoderRegistry(), values, coder, type, "Create.TimestampedValues");
      PCollection<TimestampedValue<T>> withTimestamps = input.apply(
          "Create.Values", new Values<>(elements, TimestampedValueCoder.of(valueCoder), null));
      return withTimestamps.apply("ConvertTimestamps", ParDo.of(new ConvertTimestamps<T>())).setCoder(valueCoder);
    }

    @Override
    protected String getKindString() {
      return "Create.TimestampedValues";
    }
  }

  private static final class ConvertTimestamps<T> extends DoFn<TimestampedValue<T>, T> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element TimestampedValue<T> element, OutputReceiver<T> out) {
      out.outputWithTimestamp(element.getValue(), element.getTimestamp());
    }
  }

  private static <T> Coder<T> outputCoder(
      CoderRegistry registry, List<T> elements, Coder<T> coder, TypeDescriptor<T> type, String transform) {
    if (coder != null) {
      return coder;
    }
    try {
      if (type != null) {
        return registry.getCoder(type);
      }
      if (elements.isEmpty()) {
        throw new IllegalArgumentException(
            transform + " has no elements, so no coder can be inferred from them."
                + " Fix: use Create.empty(coder) or Create.empty(typeDescriptor), or add .withCoder(coder).");
      }
      return inferFromElements(registry, elements);
    } catch (CannotProvideCoderException e) {
      throw new IllegalArgumentException(
          transform + ": unable to infer a coder" + (type == null ? " from the elements" : " for type " + type) + ": "
              + e.getMessage() + ". Fix: set one with .withCoder(coder), or register a coder for the element class"
              + " with pipeline.getCoderRegistry().registerCoderForClass(...).",
          e);
    }
  }

  /** The coder of the elements' common class; KVs by their keys' and values' coders. */
  @SuppressWarnings("unchecked")
  private static <T> Coder<T> inferFromElements(CoderRegistry registry, List<T> elements)
      throws CannotProvideCoderException {
    Class<?> common = null;
    for (T element : elements) {
      if (element == null) {
        throw new CannotProvideCoderException("the elements include null, which has no class");
      }
      Class<?> clazz = element instanceof KV ? KV.class : element.getClass();
      if (common == null) {
        common = clazz;
      } else if (!common.equals(clazz)) {
        throw new CannotProvideCoderException(
            "the elements are not all of the same class (" + common.getName() + " and " + clazz.getName() + ")");
      }
    }
    if (common == KV.class) {
      List<Object> keys = new ArrayList<>(elements.size());
      List<Object> values = new ArrayList<>(elements.size());
      for (T element : elements) {
        keys.add(((KV<?, ?>) element).getKey());
        values.add(((KV<?, ?>) element).getValue());
      }
      return (Coder<T>) KvCoder.of(inferFromElements(registry, keys), inferFromElements(registry, values));
    }
    return (Coder<T>) registry.getCoder(common);
  }
}
