package dev.weir.sdk.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.options.TestOnlyOptionsRegistrar.TestOnlyRegisteredOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelineOptionsFactoryTest {

  public enum Color {
    RED,
    GREEN
  }

  public interface DefaultsOptions extends PipelineOptions {
    @Default.String("hello")
    String getDefString();

    void setDefString(String value);

    @Default.Boolean(true)
    boolean isDefBoolean();

    void setDefBoolean(boolean value);

    @Default.Integer(42)
    int getDefInt();

    void setDefInt(int value);

    @Default.Long(9_000_000_000L)
    Long getDefLong();

    void setDefLong(Long value);

    @Default.Double(2.5)
    double getDefDouble();

    void setDefDouble(double value);

    @Default.Float(1.5f)
    float getDefFloat();

    void setDefFloat(float value);

    @Default.Short(7)
    short getDefShort();

    void setDefShort(short value);

    @Default.Byte(3)
    byte getDefByte();

    void setDefByte(byte value);

    @Default.Character('x')
    char getDefChar();

    void setDefChar(char value);

    @Default.Class(StringBuilder.class)
    Class<?> getDefClass();

    void setDefClass(Class<?> value);

    @Default.Enum("GREEN")
    Color getDefColor();

    void setDefColor(Color value);

    @Default.InstanceFactory(CountingFactory.class)
    String getDefFactory();

    void setDefFactory(String value);

    String getNoDefault();

    void setNoDefault(String value);

    int getNoDefaultInt();

    void setNoDefaultInt(int value);

    default String shout() {
      return getDefString().toUpperCase() + "!";
    }
  }

  /** Counts its calls, to show a factory default is computed once per options object. */
  public static final class CountingFactory implements DefaultValueFactory<String> {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public String create(PipelineOptions options) {
      int defInt = options.as(DefaultsOptions.class).getDefInt();
      return "made-" + CALLS.incrementAndGet() + "-for-" + defInt;
    }
  }

  public interface OtherView extends PipelineOptions {
    @Default.Integer(42)
    int getDefInt();

    void setDefInt(int value);

    String getOtherOnly();

    void setOtherOnly(String value);
  }

  public interface NotSerializableValueOptions extends PipelineOptions {
    Object getOpaque();

    void setOpaque(Object value);
  }

  public interface RegisteredHereOptions extends PipelineOptions {
    String getRegisteredHereGreeting();

    void setRegisteredHereGreeting(String value);
  }

  @Test
  void literalDefaultsOfEveryKind() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    assertEquals("hello", options.getDefString());
    assertTrue(options.isDefBoolean());
    assertEquals(42, options.getDefInt());
    assertEquals(9_000_000_000L, options.getDefLong());
    assertEquals(2.5, options.getDefDouble());
    assertEquals(1.5f, options.getDefFloat());
    assertEquals((short) 7, options.getDefShort());
    assertEquals((byte) 3, options.getDefByte());
    assertEquals('x', options.getDefChar());
    assertEquals(StringBuilder.class, options.getDefClass());
    assertEquals(Color.GREEN, options.getDefColor());
  }

  @Test
  void optionsWithoutDefaultReadAsNullOrZero() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    assertNull(options.getNoDefault());
    assertEquals(0, options.getNoDefaultInt());
    assertNull(options.getDumpGraph());
  }

  @Test
  void instanceFactoryDefaultIsComputedOnceAndCanReadOtherOptions() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    options.setDefInt(5);
    String first = options.getDefFactory();
    assertThat(first, containsString("-for-5"));
    options.setDefInt(6);
    assertEquals(first, options.getDefFactory());
    PipelineOptions general = options.as(PipelineOptions.class);
    assertEquals(first, general.as(DefaultsOptions.class).getDefFactory());
  }

  @Test
  void setterValueIsReadBackByGetter() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    options.setDefString("set");
    options.setDefInt(-1);
    options.setDefColor(Color.RED);
    options.setNoDefault(null);
    assertEquals("set", options.getDefString());
    assertEquals(-1, options.getDefInt());
    assertEquals(Color.RED, options.getDefColor());
    assertNull(options.getNoDefault());
  }

  @Test
  void settingNullOverridesALiteralDefault() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    options.setDefString(null);
    assertNull(options.getDefString());
  }

  @Test
  void defaultMethodsRunAgainstTheOptions() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    options.setDefString("hi");
    assertEquals("HI!", options.shout());
  }

  @Test
  void viewsShareValuesBothWays() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    OtherView other = options.as(OtherView.class);
    other.setDefInt(11);
    options.setJobName("shared-job");
    assertEquals(11, options.getDefInt());
    assertEquals("shared-job", other.getJobName());
    other.setOtherOnly("x");
    assertEquals("x", options.as(OtherView.class).getOtherOnly());
  }

  @Test
  void asReturnsTheSameViewForTheSameInterface() {
    PipelineOptions options = PipelineOptionsFactory.create();
    assertSame(options.as(OtherView.class), options.as(OtherView.class));
  }

  @Test
  void viewsOfOneObjectAreEqualAndHashAlike() {
    PipelineOptions options = PipelineOptionsFactory.create();
    OtherView view = options.as(OtherView.class);
    assertEquals(options, view);
    assertEquals(view, options);
    assertEquals(options.hashCode(), view.hashCode());
  }

  @Test
  void separatelyCreatedOptionsAreNotEqual() {
    assertNotEquals(PipelineOptionsFactory.create(), PipelineOptionsFactory.create());
  }

  @Test
  void optionsIdsAreUniqueAndSharedByViews() {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      PipelineOptions options = PipelineOptionsFactory.create();
      assertTrue(ids.add(options.getOptionsId()));
      assertEquals(options.getOptionsId(), options.as(OtherView.class).getOptionsId());
    }
  }

  @Test
  void toStringListsSetValuesSortedByName() {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    options.setJobName("my-job");
    options.setDefInt(3);
    String text = options.toString();
    assertEquals("Current Settings:\n  defInt: 3\n  jobName: my-job", text);
    assertThat(text, not(containsString("optionsId")));
  }

  @Test
  void proxiesSurviveJavaSerializationWithTheirValues() throws Exception {
    DefaultsOptions options =
        PipelineOptionsFactory.fromArgs("--defInt=9", "--jobName=shipped")
            .as(DefaultsOptions.class);
    options.setDefColor(Color.RED);
    DefaultsOptions copy = roundTrip(options);
    assertEquals(9, copy.getDefInt());
    assertEquals("shipped", copy.getJobName());
    assertEquals(Color.RED, copy.getDefColor());
    assertEquals(options.getOptionsId(), copy.getOptionsId());
    assertEquals(copy, copy.as(OtherView.class));
    assertTrue(copy instanceof Serializable);
  }

  @Test
  void serializingANonSerializableSetValueNamesTheOption() {
    NotSerializableValueOptions options =
        PipelineOptionsFactory.as(NotSerializableValueOptions.class);
    options.setOpaque(new Object());
    NotSerializableException e =
        assertThrows(NotSerializableException.class, () -> roundTrip(options));
    assertThat(e.getMessage(), containsString("Option --opaque holds a java.lang.Object"));
  }

  @Test
  void concurrentFirstReadsOfAFactoryDefaultAgree() throws Exception {
    DefaultsOptions options = PipelineOptionsFactory.as(DefaultsOptions.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        reads.add(pool.submit(() -> {
          start.await();
          return options.getDefFactory();
        }));
      }
      start.countDown();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      for (Future<String> read : reads) {
        seen.add(read.get(10, TimeUnit.SECONDS));
      }
      assertEquals(Set.of(options.getDefFactory()), seen);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void registeredInterfacesIncludePipelineOptionsAndRegistrarInterfaces() {
    Set<Class<? extends PipelineOptions>> registered =
        PipelineOptionsFactory.getRegisteredOptions();
    assertTrue(registered.contains(PipelineOptions.class));
    assertTrue(registered.contains(TestOnlyRegisteredOptions.class));
  }

  @Test
  void flagsOfRegistrarInterfacesParse() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--testOnlyRegistrarFlag=3").create();
    assertEquals(3, options.as(TestOnlyRegisteredOptions.class).getTestOnlyRegistrarFlag());
  }

  @Test
  void registeringAnInterfaceMakesItsFlagsParseForAnyView() {
    PipelineOptionsFactory.register(RegisteredHereOptions.class);
    PipelineOptions options =
        PipelineOptionsFactory.fromArgs("--registeredHereGreeting=hi").create();
    assertTrue(PipelineOptionsFactory.getRegisteredOptions().contains(RegisteredHereOptions.class));
    assertEquals("hi", options.as(RegisteredHereOptions.class).getRegisteredHereGreeting());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
