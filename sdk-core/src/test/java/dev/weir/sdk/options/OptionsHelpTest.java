package dev.weir.sdk.options;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.options.TestOnlyOptionsRegistrar.TestOnlyRegisteredOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptionsHelpTest {

  public enum Format {
    CSV,
    JSON
  }

  @Description("Options of the help test.")
  public interface HelpOptions extends PipelineOptions {
    @Description("Where to read from.")
    @Validation.Required
    String getHelpInput();

    void setHelpInput(String value);

    @Description("How many workers to run; more workers finish sooner but cost more.")
    @Default.Integer(4)
    int getHelpWorkers();

    void setHelpWorkers(int value);

    @Default.Enum("CSV")
    Format getHelpFormat();

    void setHelpFormat(Format value);

    List<String> getHelpTags();

    void setHelpTags(List<String> value);

    @Hidden
    String getHelpSecret();

    void setHelpSecret(String value);
  }

  /** Never registered: --help finds it by its class name only. */
  public interface UnregisteredHelpOptions extends PipelineOptions {
    @Description("Only reachable by class name.")
    String getUnregisteredHelpOption();

    void setUnregisteredHelpOption(String value);
  }

  /** Thrown by the exit hook so that a test regains control where the JVM would exit. */
  private static final class ExitCalled extends RuntimeException {
    ExitCalled() {
      super("exit");
    }
  }

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<Integer> exitStatuses = new ArrayList<>();

  @BeforeEach
  void captureHelp() {
    PipelineOptionsFactory.setHelpHooks(
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        status -> {
          exitStatuses.add(status);
          throw new ExitCalled();
        });
  }

  @AfterEach
  void restoreHelp() {
    PipelineOptionsFactory.setHelpHooks(null, null);
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsOneInterfaceWithTypesDefaultsAndDescriptions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipelineOptionsFactory.printHelp(new PrintStream(out, true, StandardCharsets.UTF_8),
        HelpOptions.class);
    String text = out.toString(StandardCharsets.UTF_8);
    String own = text.substring(0, text.indexOf(PipelineOptions.class.getName() + ":"));
    assertEquals(
        "\n"
            + HelpOptions.class.getName() + ":\n"
            + "  Options of the help test.\n"
            + "\n"
            + "  --helpFormat=<Format: CSV | JSON>\n"
            + "    Default: CSV\n"
            + "  --helpInput=<String>\n"
            + "    Required\n"
            + "    Where to read from.\n"
            + "  --helpTags=<List<String>>\n"
            + "  --helpWorkers=<int>\n"
            + "    Default: 4\n"
            + "    How many workers to run; more workers finish sooner but cost more.\n"
            + "\n",
        own);
  }

  @Test
  void printsInheritedOptionsUnderTheirInterfaceAndHidesHiddenOnes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PipelineOptionsFactory.printHelp(new PrintStream(out, true, StandardCharsets.UTF_8),
        HelpOptions.class);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text,
        containsString(PipelineOptions.class.getName() + ":\n\n  --dumpGraph=<String>"));
    assertThat(text, containsString("  --jobName=<String>\n    Default: JobNameFactory\n"));
    assertThat(text, containsString("  --runner=<Class<? extends PipelineRunner<?>>>\n"
        + "    Default: DefaultRunnerFactory\n"));
    assertThat(text, containsString("Runners on the classpath: "));
    assertThat(text, not(containsString("helpSecret")));
    assertThat(text, not(containsString("optionsId")));
  }

  @Test
  void helpFlagPrintsEveryRegisteredInterfaceAndExitsWithZero() {
    assertThrows(ExitCalled.class,
        () -> PipelineOptionsFactory.fromArgs("--help").as(HelpOptions.class));
    assertEquals(List.of(0), exitStatuses);
    String text = printed();
    assertThat(text, containsString("Options are passed as --name=value"));
    assertThat(text, containsString("Use --help=<OptionsInterface> to show a single interface."));
    assertThat(text, containsString(TestOnlyRegisteredOptions.class.getName() + ":\n"
        + "  Options registered by a test-only registrar.\n\n"
        + "  --testOnlyRegistrarFlag=<int>\n"
        + "    Default: 7\n"));
    assertThat(text, containsString("  --helpWorkers=<int>"));
    assertThat(text, containsString("  --jobName=<String>"));
  }

  @Test
  void helpFlagWithAnInterfaceNamePrintsOnlyThatInterface() {
    assertThrows(ExitCalled.class,
        () -> PipelineOptionsFactory.fromArgs("--help=HelpOptions").as(HelpOptions.class));
    assertEquals(List.of(0), exitStatuses);
    assertThat(printed(), containsString("  --helpWorkers=<int>"));
    assertThat(printed(), not(containsString("testOnlyRegistrarFlag")));
  }

  @Test
  void helpFlagFindsARegisteredInterfaceBySimpleNameInAnyCase() {
    assertThrows(ExitCalled.class,
        () -> PipelineOptionsFactory.fromArgs("--help=testonlyregisteredoptions").create());
    assertThat(printed(), containsString("  --testOnlyRegistrarFlag=<int>"));
    assertThat(printed(), not(containsString("helpWorkers")));
  }

  @Test
  void helpFlagWithAnUnknownInterfaceSaysSoAndExitsWithOne() {
    assertThrows(ExitCalled.class,
        () -> PipelineOptionsFactory.fromArgs("--help=NoSuchOptions").create());
    assertEquals(List.of(1), exitStatuses);
    assertThat(printed(), containsString(
        "No registered options interface is called 'NoSuchOptions'. Registered interfaces: "));
    assertThat(printed(), containsString(PipelineOptions.class.getName()));
  }

  @Test
  void helpIsHandledBeforeOtherFlagsAreChecked() {
    assertThrows(ExitCalled.class,
        () -> PipelineOptionsFactory.fromArgs("--help", "--noSuchFlag=1").create());
    assertEquals(List.of(0), exitStatuses);
  }

  @Test
  void helpFlagFindsAnUnregisteredInterfaceByClassName() {
    assertThrows(ExitCalled.class, () -> PipelineOptionsFactory
        .fromArgs("--help=" + UnregisteredHelpOptions.class.getName()).create());
    assertEquals(List.of(0), exitStatuses);
    assertThat(printed(), containsString(
        "  --unregisteredHelpOption=<String>\n    Only reachable by class name.\n"));
  }
}
