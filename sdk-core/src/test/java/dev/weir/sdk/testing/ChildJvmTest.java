package dev.weir.sdk.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
  private static final Duration GENEROUS = Duration.standardMinutes(1);

  @Test
  void passesArgumentsAndHeapToTheChild() {
    try (ChildJvm child = ChildJvm.of(MisbehavingChild.class).withArgs("echo", "a b", "c").withMaxHeap("96m").start()) {
      assertEquals(0, child.awaitExit(GENEROUS));
      assertThat(child.output(), hasItem("args=a b,c"));
      long heapMb = Long.parseLong(child.output().get(1).substring("maxHeapMb=".length()));
      assertTrue(heapMb > 0 && heapMb <= 96, "the child's heap limit in MiB: " + heapMb);
    }
  }

  @Test
  void killIsSigkillSoNoShutdownHookRuns() {
    try (ChildJvm child = ChildJvm.of(MisbehavingChild.class).withArgs("hang").start()) {
      assertTrue(child.awaitLine(line -> line.startsWith("hanging"), 1, GENEROUS).isPresent());
      assertEquals(128 + 9, child.kill());
      assertFalse(child.isAlive());
      assertThat(child.output(), not(hasItem("shutdown hook ran")));
    }
  }

  @Test
  void awaitLineReturnsEmptyWhenTheChildExitsFirst() {
    try (ChildJvm child = ChildJvm.of(MisbehavingChild.class).withArgs("fail", "now").start()) {
      assertEquals(Optional.empty(), child.awaitLine(line -> line.equals("never printed"), 1, GENEROUS));
      assertEquals(3, child.awaitExit(GENEROUS));
      assertThat(child.output(), hasItem("boom: now"));
    }
  }

  @Test
  void awaitLineCountsMatchingLines() {
    try (ChildJvm child = ChildJvm.of(MisbehavingChild.class).withArgs("echo", "x").start()) {
      assertThat(child.awaitLine(line -> line.contains("="), 2, GENEROUS).get(), containsString("maxHeapMb="));
      assertEquals(Optional.empty(), child.awaitLine(line -> line.contains("="), 3, GENEROUS));
    }
  }

  @Test
  void hungChildFailsTheWaitWithItsOutput() {
    try (ChildJvm child = ChildJvm.of(MisbehavingChild.class).withArgs("hang").start()) {
      child.awaitLine(line -> line.startsWith("hanging"), 1, GENEROUS);
      AssertionError error = assertThrows(AssertionError.class, () -> child.awaitExit(Duration.millis(200)));
      assertThat(error.getMessage(), containsString("did not exit within 200 ms; it was killed"));
      assertThat(error.getMessage(), containsString("hanging pid=" + child.pid()));
      assertFalse(child.isAlive());
    }
  }

  @Test
  void closeLeavesNoProcessAndNoThreadBehind() {
    ChildJvm child = ChildJvm.of(MisbehavingChild.class).withArgs("hang").start();
    long pid = child.pid();
    child.awaitLine(line -> line.startsWith("hanging"), 1, GENEROUS);
    child.close();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "child process " + pid);
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(thread -> thread.getName().equals("weir-child-jvm-" + pid + "-output")));
  }

  @Test
  void rejectsAHeapSizeThatIsNotOne() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ChildJvm.of(MisbehavingChild.class).withMaxHeap("lots"));
    assertThat(error.getMessage(), containsString("takes a size such as \"256m\", got \"lots\""));
  }
}
