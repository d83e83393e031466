package dev.weir.sdk.util;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link SerializabilityCheck}. */
class SerializabilityCheckTest {

  static final class Client {}

  static final class Holder implements Serializable {
    private static final long serialVersionUID = 1L;
    Object first;
    Object second;

    Holder(Object first, Object second) {
      this.first = first;
      this.second = second;
    }
  }

  static final class TransientClient implements Serializable {
    private static final long serialVersionUID = 1L;
    transient Client client = new Client();
  }

  /** An inner (non-static) class whose instances capture the test. */
  final class Inner implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void aSerializableGraphPasses() {
    assertDoesNotThrow(() -> SerializabilityCheck.ensureSerializable(new Holder("a", List.of(1, 2)), "thing"));
  }

  @Test
  void aTransientNonSerializableFieldPasses() {
    assertDoesNotThrow(() -> SerializabilityCheck.ensureSerializable(new TransientClient(), "thing"));
  }

  @Test
  void theMessageStartsWithWhatWasCheckedAndNamesTheFieldPathTheClassAndTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SerializabilityCheck.ensureSerializable(new Holder("a", new Holder(1, new Client())), "DoFn of 'Parse'"));
    assertThat(e.getMessage(), allOf(
        startsWith("DoFn of 'Parse' is not serializable"),
        containsString("field " + Holder.class.getName() + ".second.second"),
        containsString(Client.class.getName()),
        containsString("Fix: make the field transient")));
  }

  @Test
  void thePathGoesThroughArrayElementsByIndex() {
    Object[] array = {"ok", new Client()};
    assertThat(SerializabilityCheck.findNonSerializablePath(new Holder(array, null)),
        equalTo(Holder.class.getName() + ".first[1]"));
  }

  @Test
  void thePathGoesThroughCollectionsOfTheJdk() {
    List<Object> list = new ArrayList<>();
    list.add("ok");
    list.add(new Client());
    assertThat(SerializabilityCheck.findNonSerializablePath(new Holder(list, null)),
        equalTo(Holder.class.getName() + ".first[1]"));
  }

  @Test
  void thePathGoesThroughMapValuesByKey() {
    assertThat(SerializabilityCheck.findNonSerializablePath(new Holder(new HashMap<>(Map.of("db", new Client())), null)),
        equalTo(Holder.class.getName() + ".first[db]"));
  }

  @Test
  void aCapturedEnclosingInstanceIsNamedByItsClass() {
    assertThat(SerializabilityCheck.findNonSerializablePath(new Holder(new Inner(), null)),
        equalTo(Holder.class.getName() + ".first.<enclosing instance of " + SerializabilityCheckTest.class.getName()
            + ">"));
  }

  @Test
  void aRootThatIsNotSerializableIsItsOwnPath() {
    assertThat(SerializabilityCheck.findNonSerializablePath(new Client()), equalTo(Client.class.getName()));
  }

  @Test
  void noPathIsFoundInASerializableGraph() {
    assertThat(SerializabilityCheck.findNonSerializablePath(new Holder("a", 1)), nullValue());
  }
}
