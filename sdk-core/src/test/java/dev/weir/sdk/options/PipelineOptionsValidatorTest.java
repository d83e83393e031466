package dev.weir.sdk.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PipelineOptionsValidatorTest {

  public interface RequiredOptions extends PipelineOptions {
    @Description("File to read")
    @Validation.Required
    String getRequiredInput();

    void setRequiredInput(String value);

    @Validation.Required
    @Default.String("out")
    String getRequiredWithDefault();

    void setRequiredWithDefault(String value);
  }

  public interface GroupOptions extends PipelineOptions {
    @Validation.Required(groups = "source")
    String getGroupFile();

    void setGroupFile(String value);

    @Validation.Required(groups = "source")
    String getGroupTopic();

    void setGroupTopic(String value);
  }

  @Test
  void aMissingRequiredOptionNamesItsFlagAndInterface() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.fromArgs().withValidation().as(RequiredOptions.class));
    assertEquals(
        "Missing required option --requiredInput of " + RequiredOptions.class.getName()
            + " (File to read). Pass --requiredInput=VALUE.",
        e.getMessage());
  }

  @Test
  void aRequiredOptionGivenAsAFlagPasses() {
    RequiredOptions options = PipelineOptionsFactory.fromArgs("--requiredInput=in.txt")
        .withValidation().as(RequiredOptions.class);
    assertEquals("in.txt", options.getRequiredInput());
  }

  @Test
  void aDefaultSatisfiesRequired() {
    RequiredOptions options = PipelineOptionsFactory.as(RequiredOptions.class);
    options.setRequiredInput("x");
    assertEquals("out",
        PipelineOptionsValidator.validate(RequiredOptions.class, options).getRequiredWithDefault());
  }

  @Test
  void withoutValidationMissingRequiredOptionsAreAllowed() {
    assertNull(PipelineOptionsFactory.fromArgs().as(RequiredOptions.class).getRequiredInput());
  }

  @Test
  void aGroupWithNoMemberSetListsTheAlternatives() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PipelineOptionsFactory.fromArgs().withValidation().as(GroupOptions.class));
    assertEquals(
        "Missing required option of group 'source' in " + GroupOptions.class.getName()
            + ": pass one of --groupFile=VALUE, --groupTopic=VALUE.",
        e.getMessage());
  }

  @Test
  void oneMemberOfAGroupSuffices() {
    GroupOptions options = PipelineOptionsFactory.fromArgs("--groupTopic=t")
        .withValidation().as(GroupOptions.class);
    assertEquals("t", options.getGroupTopic());
  }
}
