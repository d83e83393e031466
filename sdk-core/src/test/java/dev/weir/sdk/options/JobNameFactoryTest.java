package dev.weir.sdk.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobNameFactoryTest {

  private static final long MARCH_14_09_30_55_UTC = 1710408655000L;

  @Test
  void joinsMainClassUserAndUtcTimeInLowerCase() {
    assertEquals("wordcount-alice-0314093055",
        JobNameFactory.jobName("com.example.WordCount", "Alice", MARCH_14_09_30_55_UTC));
  }

  @Test
  void replacesCharactersOutsideLettersAndDigitsWithZero() {
    assertEquals("outer0main-j0doe-0314093055",
        JobNameFactory.jobName("x.Outer$Main", "j.doe", MARCH_14_09_30_55_UTC));
  }

  @Test
  void leavesOutAnEmptyUser() {
    assertEquals("weir-0314093055", JobNameFactory.jobName("weir", "", MARCH_14_09_30_55_UTC));
  }

  @Test
  void readsTheMainClassOrJarFromTheJavaCommand() {
    assertEquals("com.example.Main", JobNameFactory.mainClassFromCommand("com.example.Main --x=1"));
    assertEquals("pipeline", JobNameFactory.mainClassFromCommand("/opt/app/pipeline.jar --x=1"));
    assertNull(JobNameFactory.mainClassFromCommand(""));
    assertNull(JobNameFactory.mainClassFromCommand(null));
  }

  @Test
  void theDefaultJobNameHasTheDocumentedShapeAndIsStable() {
    PipelineOptions options = PipelineOptionsFactory.create();
    String name = options.getJobName();
    assertTrue(name.matches("[a-z0-9]+(-[a-z0-9]+)?-\\d{10}"), name);
    assertEquals(name, options.getJobName());
  }
}
