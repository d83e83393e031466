package dev.weir.sdk.values;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.transforms.Create;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PCollectionTuple} and {@link PCollectionList}. */
class PCollectionTupleTest {
  private final Pipeline p = Pipeline.create();
  private final PCollection<String> words = p.apply("Words", Create.of("a"));
  private final PCollection<Integer> numbers = p.apply("Numbers", Create.of(1));

  @Test
  void aTupleGivesBackEachCollectionByTag() {
    TupleTag<String> wordsTag = new TupleTag<>("words");
    TupleTag<Integer> numbersTag = new TupleTag<>("numbers");
    PCollectionTuple tuple = PCollectionTuple.of(wordsTag, words).and(numbersTag, numbers);
    assertThat(tuple.get(wordsTag), sameInstance(words));
    assertThat(tuple.get(numbersTag), sameInstance(numbers));
    assertThat(tuple.<Integer>get("numbers"), sameInstance(numbers));
  }

  @Test
  void aTupleKeepsTheOrderTagsWereAdded() {
    PCollectionTuple tuple = PCollectionTuple.of("b", words).and("a", numbers);
    assertThat(tuple.getAll().keySet(), contains(new TupleTag<>("b"), new TupleTag<>("a")));
  }

  @Test
  void aMissingTagFailsListingTheTagsPresent() {
    PCollectionTuple tuple = PCollectionTuple.of("words", words).and("numbers", numbers);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tuple.get("dates"));
    assertThat(e.getMessage(), allOf(
        containsString("Tag<dates>"), containsString("Tag<words>"), containsString("Tag<numbers>")));
  }

  @Test
  void hasSaysWhetherATagIsPresent() {
    PCollectionTuple tuple = PCollectionTuple.of("words", words);
    assertThat(tuple.has(new TupleTag<>("words")), is(true));
    assertThat(tuple.has(new TupleTag<>("numbers")), is(false));
  }

  @Test
  void aTagUsedTwiceFails() {
    PCollectionTuple tuple = PCollectionTuple.of("words", words);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> tuple.and("words", p.apply("More", Create.of("b"))));
    assertThat(e.getMessage(), containsString("Tag<words>"));
  }

  @Test
  void aTupleRejectsACollectionOfAnotherPipeline() {
    PCollection<String> foreign = Pipeline.create().apply("Foreign", Create.of("z"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PCollectionTuple.of("words", words).and("z", foreign));
    assertThat(e.getMessage(), allOf(containsString("Foreign/"), containsString("another pipeline")));
  }

  @Test
  void andReturnsACopyLeavingTheOriginalUnchanged() {
    PCollectionTuple one = PCollectionTuple.of("words", words);
    one.and("numbers", numbers);
    assertThat(one.getAll().size(), is(1));
  }

  @Test
  void aListKeepsItsCollectionsInOrder() {
    PCollection<String> more = p.apply("More", Create.of("b"));
    PCollectionList<String> list = PCollectionList.of(words).and(more);
    assertThat(list.getAll(), contains(words, more));
    assertThat(list.get(1), sameInstance(more));
    assertThat(list.size(), is(2));
  }

  @Test
  void aListRejectsACollectionOfAnotherPipeline() {
    PCollection<String> foreign = Pipeline.create().apply("Foreign", Create.of("z"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PCollectionList.of(words).and(foreign));
    assertThat(e.getMessage(), allOf(containsString("Foreign/"), containsString("another pipeline")));
  }

  @Test
  void aListOfNothingFailsPointingToEmpty() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PCollectionList.of(List.<PCollection<String>>of()));
    assertThat(e.getMessage(), containsString("empty(pipeline)"));
  }

  @Test
  void anEmptyListBelongsToItsPipeline() {
    PCollectionList<String> empty = PCollectionList.empty(p);
    assertThat(empty.size(), is(0));
    assertThat(empty.getPipeline(), sameInstance(p));
  }
}
