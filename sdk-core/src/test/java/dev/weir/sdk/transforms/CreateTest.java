package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TimestampedValue;
import dev.weir.sdk.values.TypeDescriptors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Create}: coder choice and its in-memory source, checked without a runner. */
class CreateTest {
  private final Pipeline p = Pipeline.create();

  @Test
  void infersTheCoderFromTheElementsClass() {
    assertThat(p.apply(Create.of("a", "b")).getCoder(), instanceOf(StringUtf8Coder.class));
  }

  @Test
  void infersKvCodersFromKeysAndValuesApart() {
    Coder<KV<String, Integer>> coder = p.apply(Create.of(KV.of("a", 1), KV.of("b", 2))).getCoder();
    assertThat(coder, instanceOf(KvCoder.class));
    assertThat(((KvCoder<String, Integer>) coder).getKeyCoder(), instanceOf(StringUtf8Coder.class));
    assertThat(((KvCoder<String, Integer>) coder).getValueCoder(), instanceOf(VarIntCoder.class));
  }

  @Test
  void withCoderWinsOverInference() {
    Coder<Integer> coder = NullableCoder.of(VarIntCoder.of());
    assertThat(p.apply(Create.of(1, 2).withCoder(coder)).getCoder(), equalTo(coder));
  }

  @Test
  void withTypeInfersFromTheType() {
    assertThat(p.apply(Create.of(List.<Long>of()).withType(TypeDescriptors.longs())).getCoder(),
        instanceOf(VarLongCoder.class));
  }

  @Test
  void emptyTakesItsCoder() {
    assertThat(p.apply(Create.empty(StringUtf8Coder.of())).getCoder(), instanceOf(StringUtf8Coder.class));
    assertThat(p.apply(Create.empty(TypeDescriptors.integers())).getCoder(), instanceOf(VarIntCoder.class));
  }

  @Test
  void noElementsAndNoCoderFailsNamingTheFix() {
    Create.Values<String> create = Create.of(new ArrayList<>());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(create));
    assertThat(e.getMessage(), allOf(containsString("Create.Values has no elements"),
        containsString("Create.empty(coder)"), containsString(".withCoder(coder)")));
  }

  @Test
  void elementsOfDifferentClassesFailNamingTheFix() {
    Create.Values<Object> create = Create.<Object>of(1, "two");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.apply(create));
    assertThat(e.getMessage(), allOf(containsString("not all of the same class"),
        containsString("java.lang.Integer"), containsString("java.lang.String"), containsString(".withCoder(coder)")));
  }

  @Test
  void aNullElementWithoutACoderFailsNamingTheFix() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> p.apply(Create.of("a", (String) null)));
    assertThat(e.getMessage(), allOf(containsString("include null"), containsString(".withCoder(coder)")));
  }

  @Test
  void anElementTheCoderCannotEncodeFailsNamingItAndTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.apply(Create.of("a", (String) null).withCoder(StringUtf8Coder.of())));
    assertThat(e.getMessage(),
        allOf(containsString("element #1 (null)"), containsString("StringUtf8Coder"), containsString("NullableCoder")));
  }

  @Test
  void aLoneNullAfterTheFirstElementIsOneNullElement() {
    // What Create.of("a", null) compiles to: the null is the varargs array itself.
    Create.Values<String> create = Create.of("a", (String[]) null);
    assertThat(create.getElements(), contains("a", null));
  }

  @Test
  void timestampedNeedsOneTimestampPerValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Create.timestamped(List.of("a", "b"), List.of(1L)));
    assertThat(e.getMessage(), containsString("fewer timestamps than values"));
    e = assertThrows(IllegalArgumentException.class, () -> Create.timestamped(List.of("a"), List.of(1L, 2L)));
    assertThat(e.getMessage(), containsString("more timestamps than values"));
  }

  @Test
  void sourceSplitsIntoPartsThatTogetherReadEveryElementInOrder() throws Exception {
    List<Integer> elements = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      elements.add(i * 7919);
    }
    CreateSource<Integer> source = CreateSource.fromIterable(elements, VarIntCoder.of(), "test");
    PipelineOptions options = PipelineOptionsFactory.create();
    List<CreateSource<Integer>> parts = source.split(100, options);
    assertThat(parts.size(), greaterThan(10));
    List<Integer> read = new ArrayList<>();
    long partsSize = 0;
    for (CreateSource<Integer> part : parts) {
      read.addAll(readAll(part, options));
      partsSize += part.getEstimatedSizeBytes(options);
    }
    assertThat(read, equalTo(elements));
    assertThat(partsSize, equalTo(source.getEstimatedSizeBytes(options)));
  }

  @Test
  void emptySourceSplitsIntoItselfAndReadsNothing() throws Exception {
    CreateSource<String> source = CreateSource.fromIterable(List.of(), StringUtf8Coder.of(), "test");
    PipelineOptions options = PipelineOptionsFactory.create();
    assertThat(source.split(100, options), equalTo(List.of(source)));
    assertThat(readAll(source, options), equalTo(List.of()));
  }

  @Test
  void readersDecodeFreshCopies() throws Exception {
    List<List<String>> elements = List.of(Arrays.asList("x", "y"));
    CreateSource<List<String>> source = CreateSource.fromIterable(
        elements, ListCoder.of(StringUtf8Coder.of()), "test");
    PipelineOptions options = PipelineOptionsFactory.create();
    List<String> first = readAll(source, options).get(0);
    first.set(0, "changed");
    assertThat(readAll(source, options).get(0), equalTo(List.of("x", "y")));
  }

  private static <T> List<T> readAll(BoundedSource<T> source, PipelineOptions options) throws Exception {
    List<T> read = new ArrayList<>();
    try (BoundedSource.BoundedReader<T> reader = source.createReader(options)) {
      for (boolean more = reader.start(); more; more = reader.advance()) {
        read.add(reader.getCurrent());
      }
    }
    return read;
  }

  /** Create on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void createsTheGivenElements() {
      PAssert.that(p.apply(Create.of("a", "b", "c", "a"))).containsInAnyOrder("c", "a", "b", "a");
      p.run();
    }

    @Test
    void createsAnEmptyCollection() {
      PAssert.that(p.apply(Create.empty(StringUtf8Coder.of()))).empty();
      p.run();
    }

    @Test
    void createsTheEntriesOfAMap() {
      PAssert.that(p.apply(Create.of(Map.of("one", 1, "two", 2)))).containsInAnyOrder(KV.of("one", 1), KV.of("two", 2));
      p.run();
    }

    @Test
    void createsManyElementsReadInParts() {
      List<Integer> elements = new ArrayList<>();
      for (int i = 0; i < 5000; i++) {
        elements.add(i);
      }
      PAssert.that(p.apply(Create.of(elements))).containsInAnyOrder(elements);
      p.run();
    }

    @Test
    void createsNullsWithANullableCoder() {
      PCollection<String> pc = p.apply(Create.of("a", (String) null).withCoder(NullableCoder.of(StringUtf8Coder.of())));
      PAssert.that(pc).containsInAnyOrder("a", null);
      p.run();
    }

    @Test
    void elementsSitAtTheMinimumTimestamp() {
      PCollection<KV<String, Long>> timestamps = p.apply(Create.of("a")).apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of("a", BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis()));
      p.run();
    }

    @Test
    void timestampedGivesEachValueItsTimestamp() {
      PCollection<KV<String, Long>> timestamps = p
          .apply(Create.timestamped(TimestampedValue.of("a", new Instant(10)), TimestampedValue.of("b", new Instant(-5))))
          .apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of("a", 10L), KV.of("b", -5L));
      p.run();
    }

    @Test
    void timestampedPairsValuesWithTimestampsInOrder() {
      PCollection<KV<String, Long>> timestamps = p
          .apply(Create.timestamped(List.of("a", "b", "c"), List.of(3L, 1L, 2L)))
          .apply(ParDo.of(new TimestampMillisFn<>()));
      PAssert.that(timestamps).containsInAnyOrder(KV.of("a", 3L), KV.of("b", 1L), KV.of("c", 2L));
      p.run();
    }
  }
}
