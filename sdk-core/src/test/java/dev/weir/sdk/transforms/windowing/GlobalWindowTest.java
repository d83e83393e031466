package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import dev.weir.sdk.coders.CoderProperties;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link GlobalWindow}. */
class GlobalWindowTest {

  @Test
  void maxTimestampIsOneDayBeforeTheEndOfTime() {
    assertThat(GlobalWindow.INSTANCE.maxTimestamp(),
        equalTo(BoundedWindow.TIMESTAMP_MAX_VALUE.minus(Duration.standardDays(1))));
  }

  @Test
  void theCoderWritesNothingAndDecodesTheSingleton() throws Exception {
    assertThat(CoderProperties.encode(GlobalWindow.Coder.INSTANCE, GlobalWindow.INSTANCE).length, is(0));
    assertThat(CoderProperties.decodeEncode(GlobalWindow.Coder.INSTANCE, GlobalWindow.INSTANCE),
        sameInstance(GlobalWindow.INSTANCE));
  }

  @Test
  void theCoderStaysASingletonThroughJavaSerialization() throws Exception {
    CoderProperties.coderSerializable(GlobalWindow.Coder.INSTANCE, GlobalWindow.INSTANCE);
  }

  @Test
  void globalWindowsUsesTheGlobalWindowCoder() {
    assertThat(new GlobalWindows().windowCoder(), sameInstance((Object) GlobalWindow.Coder.INSTANCE));
  }
}
