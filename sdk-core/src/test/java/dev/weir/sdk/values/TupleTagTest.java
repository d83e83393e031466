package dev.weir.sdk.values;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TupleTag} and {@link TupleTagList}. */
class TupleTagTest {

  /** Tags made by a class's static initializer, as users declare them. */
  static final class StaticTags {
    static final TupleTag<String> FIRST = new TupleTag<>();
    static final TupleTag<Integer> SECOND = new TupleTag<Integer>() {};
  }

  @Test
  void tagsMadeInAStaticInitializerAreNamedAfterTheClassAndTheirPosition() {
    assertThat(StaticTags.FIRST.getId(), equalTo(StaticTags.class.getName() + "#1"));
    assertThat(StaticTags.SECOND.getId(), equalTo(StaticTags.class.getName() + "#2"));
  }

  @Test
  void tagsMadeAtTheSameSiteAreDistinct() {
    Set<TupleTag<String>> tags = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      tags.add(new TupleTag<>());
    }
    assertThat(tags.size(), is(3));
  }

  @Test
  void aGeneratedIdNamesItsCreationSite() {
    assertThat(new TupleTag<String>().getId().startsWith(TupleTagTest.class.getName() + "#aGeneratedIdNamesItsCreationSite:"),
        is(true));
  }

  @Test
  void tagsWithTheSameIdAreEqual() {
    assertThat(new TupleTag<String>("words"), equalTo(new TupleTag<String>("words")));
    assertThat(new TupleTag<String>("words").hashCode(), equalTo(new TupleTag<String>("words").hashCode()));
    assertThat(new TupleTag<String>("words"), not(equalTo(new TupleTag<String>("numbers"))));
  }

  @Test
  void anAnonymousSubclassEqualsAPlainTagWithTheSameId() {
    assertThat(new TupleTag<String>("words") {}, equalTo(new TupleTag<String>("words")));
  }

  @Test
  void anAnonymousSubclassKnowsItsElementType() {
    assertThat(new TupleTag<List<String>>() {}.getTypeDescriptor(), equalTo(new TypeDescriptor<List<String>>() {}));
  }

  @Test
  void aPlainTagsElementTypeIsObject() {
    assertThat(new TupleTag<String>().getTypeDescriptor(), equalTo((Object) TypeDescriptor.of(Object.class)));
  }

  @Test
  void onlyGeneratedTagsAreMarkedGenerated() {
    assertThat(new TupleTag<String>().isGenerated(), is(true));
    assertThat(new TupleTag<String>("given").isGenerated(), is(false));
  }

  @Test
  void outputsUnderGeneratedTagsAreNamedByPositionAndOthersById() {
    assertThat(new TupleTag<String>().getOutName(2), equalTo("out2"));
    assertThat(new TupleTag<String>("errors").getOutName(2), equalTo("errors"));
  }

  @Test
  void toStringShowsTheId() {
    assertThat(new TupleTag<String>("words").toString(), equalTo("Tag<words>"));
  }

  @Test
  void aTagListKeepsTagsInOrderAndAndMakesACopy() {
    TupleTag<String> a = new TupleTag<>("a");
    TupleTag<String> b = new TupleTag<>("b");
    TupleTagList one = TupleTagList.of(a);
    TupleTagList two = one.and(b);
    assertThat(one.size(), is(1));
    assertThat(two.getAll(), contains(a, b));
    assertThat(two.get(1), equalTo((Object) b));
  }

  @Test
  void aTagListCanBeBuiltFromAList() {
    List<TupleTag<?>> tags = new ArrayList<>();
    tags.add(new TupleTag<String>("a"));
    tags.add(new TupleTag<Integer>("b"));
    assertThat(TupleTagList.empty().and(tags).getAll(), equalTo(TupleTagList.of(tags).getAll()));
    assertThat(TupleTagList.empty().size(), is(0));
  }
}
