package dev.weir.sdk.transforms.join;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.joda.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CoGroupByKey} and {@link KeyedPCollectionTuple}. */
class CoGroupByKeyTest {
  static final TupleTag<String> EMAILS = new TupleTag<>("emails");
  static final TupleTag<String> PHONES = new TupleTag<>("phones");
  static final TupleTag<Integer> AGES = new TupleTag<>("ages");

  @Test
  void aTagUsedTwiceFailsNamingIt() {
    Pipeline pipeline = Pipeline.create();
    PCollection<KV<String, String>> emails = pipeline.apply(Create.of(KV.of("a", "a@x")));
    KeyedPCollectionTuple<String> once = KeyedPCollectionTuple.of(EMAILS, emails);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> once.and(EMAILS, emails));
    assertThat(e.getMessage(), allOf(containsString("Tag<emails>"), containsString("its own tag")));
  }

  @Test
  void inputsWithDifferentKeyCodersFailNamingTheInput() {
    Pipeline pipeline = Pipeline.create();
    PCollection<KV<String, String>> emails = pipeline.apply("Emails", Create.of(KV.of("a", "a@x")));
    PCollection<KV<String, String>> phones = pipeline.apply("Phones", Create.of(KV.of("a", "1"))
        .withCoder(KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), StringUtf8Coder.of())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KeyedPCollectionTuple.of(EMAILS, emails).and(PHONES, phones));
    assertThat(e.getMessage(), allOf(containsString(phones.getName()), containsString("one key coder")));
  }

  @Test
  void anEmptyTupleFailsNamingTheFix() {
    KeyedPCollectionTuple<String> empty = KeyedPCollectionTuple.empty(Pipeline.create());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> empty.apply(CoGroupByKey.create()));
    assertThat(e.getMessage(), containsString("at least one input"));
  }

  /** Formats a joined row as "key: emails | phones", each list sorted. */
  static final class FormatFn extends DoFn<KV<String, CoGbkResult>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, CoGbkResult> row, OutputReceiver<String> out) {
      out.output(row.getKey() + ": " + sorted(row.getValue().getAll(EMAILS)) + " | "
          + sorted(row.getValue().getAll(PHONES)));
    }

    private static List<String> sorted(Iterable<String> values) {
      List<String> list = new ArrayList<>();
      values.forEach(list::add);
      Collections.sort(list);
      return list;
    }
  }

  /** Outputs the number of emails times 1000 plus the only age (or -1). */
  static final class EmailCountAndAgeFn extends DoFn<KV<String, CoGbkResult>, KV<String, Long>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, CoGbkResult> row, OutputReceiver<KV<String, Long>> out) {
      long emailCount = 0;
      for (String ignored : row.getValue().getAll(EMAILS)) {
        emailCount++;
      }
      out.output(KV.of(row.getKey(), emailCount * 1000 + row.getValue().getOnly(AGES, -1)));
    }
  }

  /** Outputs "age/email", the email "-" when there is none. */
  static final class AgeAndEmailFn extends DoFn<KV<String, CoGbkResult>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, CoGbkResult> row, OutputReceiver<String> out) {
      out.output(row.getValue().getOnly(AGES) + "/" + row.getValue().getOnly(EMAILS, "-"));
    }
  }

  /** Outputs the sum of the ages. */
  static final class SumAgesFn extends DoFn<KV<String, CoGbkResult>, Integer> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(@Element KV<String, CoGbkResult> row, OutputReceiver<Integer> out) {
      int sum = 0;
      for (int age : row.getValue().getAll(AGES)) {
        sum += age;
      }
      out.output(sum);
    }
  }

  /** CoGroupByKey on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void groupsTheValuesOfEachKeyFromEveryInput() {
      PCollection<KV<String, String>> emails = p.apply("Emails", Create.of(
          KV.of("amy", "amy@example.com"), KV.of("carl", "carl@example.com"), KV.of("amy", "amy@work.com")));
      PCollection<KV<String, String>> phones = p.apply("Phones", Create.of(
          KV.of("amy", "111"), KV.of("james", "222")));
      PCollection<String> rows = KeyedPCollectionTuple.of(EMAILS, emails).and(PHONES, phones)
          .apply(CoGroupByKey.create())
          .apply(ParDo.of(new FormatFn()));
      PAssert.that(rows).containsInAnyOrder(
          "amy: [amy@example.com, amy@work.com] | [111]", "carl: [carl@example.com] | []", "james: [] | [222]");
      p.run();
    }

    @Test
    void joinsInputsOfDifferentValueTypes() {
      PCollection<KV<String, String>> emails = p.apply("Emails", Create.of(KV.of("amy", "amy@example.com")));
      PCollection<KV<String, Integer>> ages = p.apply("Ages", Create.of(KV.of("amy", 31), KV.of("bob", 40)));
      PCollection<KV<String, Long>> joined = KeyedPCollectionTuple.of(EMAILS, emails).and(AGES, ages)
          .apply(CoGroupByKey.create())
          .apply(ParDo.of(new EmailCountAndAgeFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      PAssert.that(joined).containsInAnyOrder(KV.of("amy", 1031L), KV.of("bob", 40L));
      p.run();
    }

    @Test
    void groupsEachKeyInEachWindow() {
      PCollection<KV<String, Integer>> ages = p
          .apply("Ages", Create.timestamped(List.of(KV.of("k", 1), KV.of("k", 2)), List.of(0L, 60_000L)))
          .apply("WindowAges", Window.into(FixedWindows.of(Duration.standardSeconds(10))));
      PCollection<KV<String, String>> emails = p
          .apply("Emails", Create.timestamped(List.of(KV.of("k", "e")), List.of(1L)))
          .apply("WindowEmails", Window.into(FixedWindows.of(Duration.standardSeconds(10))));
      PCollection<String> rows = KeyedPCollectionTuple.of(AGES, ages).and(EMAILS, emails)
          .apply(CoGroupByKey.create())
          .apply(ParDo.of(new AgeAndEmailFn()));
      PAssert.that(rows).containsInAnyOrder("1/e", "2/-");
      p.run();
    }

    @Test
    void aSingleInputIsGroupedByKey() {
      PCollection<KV<String, Integer>> ages = p.apply(Create.of(KV.of("a", 1), KV.of("a", 2)));
      PCollection<Integer> sums = KeyedPCollectionTuple.of(AGES, ages)
          .apply(CoGroupByKey.create())
          .apply(ParDo.of(new SumAgesFn()))
          .setCoder(VarIntCoder.of());
      PAssert.that(sums).containsInAnyOrder(3);
      p.run();
    }
  }
}
