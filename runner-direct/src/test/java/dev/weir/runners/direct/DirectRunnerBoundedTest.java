package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import dev.weir.runners.direct.Collected.Record;
import dev.weir.runtime.testing.ListSource;
import dev.weir.runtime.testing.TestWindowFns;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.Flatten;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Sessions;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TupleTagList;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class DirectRunnerBoundedTest {

  static final class KeyByFirstLetter extends DoFn<String, KV<String, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String word, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(word.substring(0, 1), word));
    }
  }

  /** Turns each group into "key:sorted,values". */
  static final class FormatGroup extends DoFn<KV<String, Iterable<String>>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> group, OutputReceiver<String> out) {
      List<String> values = new ArrayList<>();
      group.getValue().forEach(values::add);
      values.sort(null);
      out.output(group.getKey() + ":" + String.join(",", values));
    }
  }

  private static PCollection<String> read(Pipeline p, String name, List<String> words) {
    return p.apply(name, Read.from(ListSource.of(StringUtf8Coder.of(), words)));
  }

  private static PCollection<KV<String, String>> keyed(PCollection<String> words) {
    return words.apply("Key", ParDo.of(new KeyByFirstLetter()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  @Test
  void readsEveryElementOfASplitSource() {
    Pipeline p = pipeline("--targetParallelism=3");
    List<String> words = IntStream.range(0, 500).mapToObj(i -> "w" + i).toList();
    Collected<String> out = Collected.of(read(p, "Read", words));

    PipelineResult.State state = p.run().waitUntilFinish();

    assertThat(state, is(PipelineResult.State.DONE));
    assertThat(out.values(), containsInAnyOrder(words.toArray()));
  }

  @Test
  void groupsFlattenedCollectionsByKey() {
    Pipeline p = pipeline();
    PCollection<String> a = read(p, "ReadA", List.of("apple", "banana", "avocado"));
    PCollection<String> b = read(p, "ReadB", List.of("blueberry", "cherry"));
    PCollection<String> all = PCollectionList.of(a).and(b).apply("Union", Flatten.pCollections());
    Collected<String> out = Collected.of(
        keyed(all).apply("Group", GroupByKey.create()).apply("Format", ParDo.of(new FormatGroup())));

    p.run();

    assertThat(out.values(), containsInAnyOrder("a:apple,avocado", "b:banana,blueberry", "c:cherry"));
  }

  @Test
  void emitsGroupsInTheGlobalWindowAsTheOnlyOnTimePaneAtTheEndOfTime() {
    Pipeline p = pipeline();
    Collected<KV<String, Iterable<String>>> out =
        Collected.of(keyed(read(p, "Read", List.of("x1", "x2"))).apply("Group", GroupByKey.create()));

    p.run();

    Record<KV<String, Iterable<String>>> group = out.records().get(0);
    assertThat(group.window(), is(GlobalWindow.INSTANCE));
    assertThat(group.pane(), is(PaneInfo.ON_TIME_AND_ONLY_FIRING));
    assertThat(group.timestamp(), is(GlobalWindow.INSTANCE.maxTimestamp()));
  }

  @Test
  void groupsPerWindowAfterWindowing() {
    Pipeline p = pipeline();
    PCollection<String> words = p.apply("Read", Read.from(ListSource.timestamped(
        StringUtf8Coder.of(), List.of("a1", "a2", "a3"), 1, 8, 12)));
    Collected<String> out = Collected.of(keyed(words)
        .apply("Window", Window.into(FixedWindows.of(Duration.millis(10))))
        .apply("Group", GroupByKey.create())
        .apply("Format", ParDo.of(new FormatGroup())));

    p.run();

    assertThat(out.values(), containsInAnyOrder("a:a1,a2", "a:a3"));
    assertThat(out.records().stream().map(Record::timestamp).toList(),
        containsInAnyOrder(new Instant(9), new Instant(19)));
    assertThat(out.records().stream().map(Record::window).toList(), containsInAnyOrder(
        new IntervalWindow(new Instant(0), new Instant(10)), new IntervalWindow(new Instant(10), new Instant(20))));
  }

  @Test
  void groupsSessionsOfABoundedCollectionMergingThemAsTheyOverlap() {
    Pipeline p = pipeline();
    PCollection<String> words = p.apply("Read", Read.from(ListSource.timestamped(
        StringUtf8Coder.of(), List.of("a1", "a2", "a3", "a4"), 1, 30, 8, 100)));
    Collected<String> out = Collected.of(keyed(words)
        .apply("Window", Window.into(Sessions.withGapDuration(Duration.millis(10))))
        .apply("Group", GroupByKey.create())
        .apply("Format", ParDo.of(new FormatGroup())));

    p.run();

    assertThat(out.values(), containsInAnyOrder("a:a1,a3", "a:a2", "a:a4"));
    assertThat(out.records().stream().map(Record::window).toList(), containsInAnyOrder(
        new IntervalWindow(new Instant(1), new Instant(18)), new IntervalWindow(new Instant(30), new Instant(40)),
        new IntervalWindow(new Instant(100), new Instant(110))));
  }

  @Test
  void groupsAnElementInSeveralWindowsOncePerWindow() {
    Pipeline p = pipeline();
    PCollection<String> words = p.apply("Read", Read.from(ListSource.timestamped(
        StringUtf8Coder.of(), List.of("a1", "a2"), 3, 13)));
    Collected<String> out = Collected.of(keyed(words)
        .apply("Window", Window.into(new TestWindowFns.TwoWindows()))
        .apply("Group", GroupByKey.create())
        .apply("Format", ParDo.of(new FormatGroup())));

    p.run();

    assertThat(out.values(), containsInAnyOrder("a:a1", "a:a1,a2", "a:a2"));
  }

  /** Appends the side input's elements, sorted, to each element. */
  static final class WithSideList extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final PCollectionView<List<String>> view;

    WithSideList(PCollectionView<List<String>> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      List<String> side = new ArrayList<>(c.sideInput(view));
      side.sort(null);
      c.output(c.element() + side);
    }
  }

  @Test
  void readsSideInputsInTheMainInputsWindow() {
    Pipeline p = pipeline();
    PCollectionView<List<String>> view = read(p, "ReadSide", List.of("y", "x")).apply("AsList", View.asList());
    PCollection<String> main = read(p, "ReadMain", List.of("a", "b"));
    Collected<String> out = Collected.of(main.apply("Join", ParDo.of(new WithSideList(view)).withSideInputs(view)));

    p.run();

    assertThat(out.values(), containsInAnyOrder("a[x, y]", "b[x, y]"));
  }

  /** Reads a singleton through a @SideInput parameter. */
  static final class AddSingleton extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, @SideInput("suffix") String suffix, OutputReceiver<String> out) {
      out.output(element + suffix);
    }
  }

  @Test
  void readsASingletonSideInputByTagId() {
    Pipeline p = pipeline();
    PCollectionView<String> suffix = read(p, "ReadSide", List.of("!")).apply("Single", View.asSingleton());
    Collected<String> out = Collected.of(
        read(p, "ReadMain", List.of("a", "b")).apply("Add", ParDo.of(new AddSingleton()).withSideInput("suffix", suffix)));

    p.run();

    assertThat(out.values(), containsInAnyOrder("a!", "b!"));
  }

  static final TupleTag<String> SHORT = new TupleTag<>("short") {};
  static final TupleTag<Integer> LONG_LENGTHS = new TupleTag<>("long") {};

  /** Outputs short words to the main output and the lengths of long ones to another. */
  static final class SplitByLength extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String word, MultiOutputReceiver out) {
      if (word.length() <= 3) {
        out.get(SHORT).output(word);
      } else {
        out.get(LONG_LENGTHS).output(word.length());
      }
    }
  }

  @Test
  void routesEachOutputTagToItsCollection() {
    Pipeline p = pipeline();
    var outputs = read(p, "Read", List.of("ab", "abcd", "abcdef", "xyz"))
        .apply("Split", ParDo.of(new SplitByLength()).withOutputTags(SHORT, TupleTagList.of(LONG_LENGTHS)));
    Collected<String> shortWords = Collected.of(outputs.get(SHORT));
    outputs.get(LONG_LENGTHS).setCoder(VarIntCoder.of());
    Collected<Integer> lengths = Collected.of(outputs.get(LONG_LENGTHS));

    p.run();

    assertThat(shortWords.values(), containsInAnyOrder("ab", "xyz"));
    assertThat(lengths.values(), containsInAnyOrder(4, 6));
  }

  @Test
  void keepsTheReadersTimestampsInTheGlobalWindow() {
    Pipeline p = pipeline();
    Collected<String> out = Collected.of(p.apply("Read", Read.from(ListSource.timestamped(
        StringUtf8Coder.of(), List.of("a", "b"), 5, 7))));

    p.run();

    assertThat(out.records().stream().map(Record::timestamp).toList(),
        containsInAnyOrder(new Instant(5), new Instant(7)));
    assertThat(out.records().stream().map(Record::window).toList(), everyItem(is(GlobalWindow.INSTANCE)));
  }

  @Test
  void runsAnEmptySource() {
    Pipeline p = pipeline();
    Collected<KV<String, Iterable<String>>> out =
        Collected.of(keyed(read(p, "Read", List.of())).apply("Group", GroupByKey.create()));

    assertThat(p.run().waitUntilFinish(), is(PipelineResult.State.DONE));
    assertThat(out.values(), is(List.of()));
  }

  @Test
  void flattensTheSameCollectionTwiceIntoTwoCopies() {
    Pipeline p = pipeline();
    PCollection<String> a = read(p, "Read", List.of("a"));
    Collected<String> out = Collected.of(PCollectionList.of(a).and(a).apply("Twice", Flatten.pCollections()));

    p.run();

    assertThat(out.values(), is(List.of("a", "a")));
  }
}
