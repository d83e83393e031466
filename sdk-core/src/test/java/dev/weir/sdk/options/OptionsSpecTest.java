package dev.weir.sdk.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsSpecTest {

  public interface GetterWithoutSetter extends PipelineOptions {
    int getLonely();
  }

  public interface SetterWithoutGetter extends PipelineOptions {
    void setOrphan(String value);
  }

  public interface MismatchedTypes extends PipelineOptions {
    int getCount();

    void setCount(long value);
  }

  public interface NotAProperty extends PipelineOptions {
    void frobnicate(int times);
  }

  public interface AnnotatedSetter extends PipelineOptions {
    String getLabel();

    @Default.String("x")
    void setLabel(String value);
  }

  public interface WrongDefaultKind extends PipelineOptions {
    @Default.Integer(3)
    String getSize();

    void setSize(String value);
  }

  public enum Mode {
    FAST,
    SLOW
  }

  public interface MissingEnumConstant extends PipelineOptions {
    @Default.Enum("MEDIUM")
    Mode getMode();

    void setMode(Mode value);
  }

  public interface TwoDefaults extends PipelineOptions {
    @Default.Integer(3)
    @Default.Long(4)
    Integer getBoth();

    void setBoth(Integer value);
  }

  public interface GenericOptions extends PipelineOptions {
    List<String> getNames();

    void setNames(List<String> value);

    boolean isEnabled();

    void setEnabled(boolean value);

    String getURL();

    void setURL(String value);
  }

  enum Secret {
    A
  }

  public interface UsesNonPublicType extends PipelineOptions {
    Secret getSecretKind();

    void setSecretKind(Secret value);
  }

  public interface CountAsInt extends PipelineOptions {
    int getSharedCount();

    void setSharedCount(int value);
  }

  public interface CountAsString extends PipelineOptions {
    String getSharedCount();

    void setSharedCount(String value);
  }

  @Test
  void getterWithoutSetterIsRejectedNamingInterfaceAndMethod() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(GetterWithoutSetter.class));
    assertThat(e.getMessage(), containsString(GetterWithoutSetter.class.getName()));
    assertThat(e.getMessage(), containsString(
        "getter getLonely() has no matching setter; add void setLonely(int value)."));
  }

  @Test
  void setterWithoutGetterIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(SetterWithoutGetter.class));
    assertThat(e.getMessage(), containsString(SetterWithoutGetter.class.getName()));
    assertThat(e.getMessage(), containsString(
        "setter setOrphan(String) has no matching getter; add String getOrphan()."));
  }

  @Test
  void getterAndSetterOfDifferentTypesAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(MismatchedTypes.class));
    assertThat(e.getMessage(), containsString(MismatchedTypes.class.getName()));
    assertThat(e.getMessage(), containsString(
        "getter getCount() returns int but setter setCount(long) takes long"));
  }

  @Test
  void aMethodThatIsNoGetterOrSetterIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(NotAProperty.class));
    assertThat(e.getMessage(), containsString(NotAProperty.class.getName()));
    assertThat(e.getMessage(), containsString("method frobnicate(int) is neither a getter"));
  }

  @Test
  void annotationsOnSettersAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(AnnotatedSetter.class));
    assertThat(e.getMessage(), containsString(
        "setter setLabel(String) carries @Default.String; put option annotations on the getter."));
  }

  @Test
  void aDefaultOfTheWrongKindIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(WrongDefaultKind.class));
    assertThat(e.getMessage(), containsString(
        "getter getSize() has @Default.Integer, but it returns java.lang.String"));
  }

  @Test
  void anEnumDefaultMustNameAConstant() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(MissingEnumConstant.class));
    assertThat(e.getMessage(), containsString(
        "has @Default.Enum(\"MEDIUM\"), but Mode has no such constant (constants: FAST, SLOW)."));
  }

  @Test
  void twoDefaultsOnOneGetterAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(TwoDefaults.class));
    assertThat(e.getMessage(), containsString(
        "getter getBoth() has more than one @Default annotation; keep one."));
  }

  @Test
  void aClassIsNotAnOptionsInterface() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OptionsSpec.of(String.class));
    assertThat(e.getMessage(), containsString("java.lang.String is not an options interface"));
  }

  @Test
  void propertiesAreNamedAsJavaBeansWithGenericTypes() {
    OptionsSpec spec = OptionsSpec.of(GenericOptions.class);
    assertEquals("java.util.List<java.lang.String>",
        spec.property("names").orElseThrow().type().getTypeName());
    assertEquals(boolean.class, spec.property("enabled").orElseThrow().rawType());
    assertEquals(String.class, spec.property("URL").orElseThrow().rawType());
    assertEquals(PipelineOptions.class,
        spec.property("jobName").orElseThrow().declaringInterface());
  }

  @Test
  void viewsThatDisagreeOnAnOptionsTypeAreRejected() {
    PipelineOptions options = PipelineOptionsFactory.as(CountAsInt.class);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options.as(CountAsString.class));
    assertThat(e.getMessage(), containsString(
        "Option 'sharedCount' has type int in " + CountAsInt.class.getName()
            + " but java.lang.String in " + CountAsString.class.getName()));
  }

  @Test
  void aPublicInterfaceMayOnlyUsePublicTypes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.as(UsesNonPublicType.class));
    assertThat(e.getMessage(), containsString(
        "option 'secretKind' has type " + Secret.class.getName() + ", which is not public; make "
            + "it public"));
  }
}
