package dev.weir.sdk.transforms.windowing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joda.time.DateTime;
import org.joda.time.DateTimeConstants;
import org.joda.time.DateTimeZone;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class CalendarWindowsTest {
  private static final DateTimeZone LOS_ANGELES = DateTimeZone.forID("America/Los_Angeles");
  private static final DateTimeZone SAO_PAULO = DateTimeZone.forID("America/Sao_Paulo");
  private static final DateTimeZone TOKYO = DateTimeZone.forID("Asia/Tokyo");

  /** An instant written as ISO-8601 with its offset, e.g. {@code 2021-03-14T00:00-08:00}. */
  private static Instant at(String iso) {
    return DateTime.parse(iso).toInstant();
  }

  private static IntervalWindow window(String start, String end) {
    return new IntervalWindow(at(start), at(end));
  }

  @Test
  void dayWindowStartsAtMidnightInclusive() {
    assertEquals(window("2021-06-09T00:00Z", "2021-06-10T00:00Z"), CalendarWindows.days(1).assignWindow(at("2021-06-09T00:00Z")));
  }

  @Test
  void dayWindowEndsAtTheNextMidnightExclusive() {
    assertEquals(
        window("2021-06-08T00:00Z", "2021-06-09T00:00Z"),
        CalendarWindows.days(1).assignWindow(at("2021-06-08T23:59:59.999Z")));
  }

  @Test
  void runsOfDaysCountFromTheEpoch() {
    assertEquals(window("1970-01-04T00:00Z", "1970-01-07T00:00Z"), CalendarWindows.days(3).assignWindow(at("1970-01-05T10:00Z")));
  }

  @Test
  void runsOfDaysBeforeTheEpochAreNormalWindows() {
    assertEquals(
        window("1969-12-29T00:00Z", "1970-01-01T00:00Z"),
        CalendarWindows.days(3).assignWindow(at("1969-12-31T12:00Z")));
  }

  @Test
  void runsOfDaysCountFromTheStartingDayBothWays() {
    CalendarWindows.DaysWindows twoDays = CalendarWindows.days(2).withStartingDay(2020, 1, 1);
    assertEquals(window("2020-01-03T00:00Z", "2020-01-05T00:00Z"), twoDays.assignWindow(at("2020-01-04T08:00Z")));
    assertEquals(window("2019-12-30T00:00Z", "2020-01-01T00:00Z"), twoDays.assignWindow(at("2019-12-31T08:00Z")));
  }

  @Test
  void dayWindowsFollowTheTimeZone() {
    assertEquals(
        window("2021-06-08T00:00-07:00", "2021-06-09T00:00-07:00"),
        CalendarWindows.days(1).withTimeZone(LOS_ANGELES).assignWindow(at("2021-06-09T03:00Z")));
  }

  @Test
  void dayOfTheSpringDaylightSavingChangeLasts23Hours() {
    IntervalWindow w = CalendarWindows.days(1).withTimeZone(LOS_ANGELES).assignWindow(at("2021-03-14T12:00-07:00"));
    assertEquals(window("2021-03-14T00:00-08:00", "2021-03-15T00:00-07:00"), w);
    assertEquals(Duration.standardHours(23), new Duration(w.start(), w.end()));
  }

  @Test
  void dayOfTheAutumnDaylightSavingChangeLasts25Hours() {
    IntervalWindow w = CalendarWindows.days(1).withTimeZone(LOS_ANGELES).assignWindow(at("2021-11-07T23:00-08:00"));
    assertEquals(window("2021-11-07T00:00-07:00", "2021-11-08T00:00-08:00"), w);
    assertEquals(Duration.standardHours(25), new Duration(w.start(), w.end()));
  }

  @Test
  void aDayWithoutMidnightStartsAtItsFirstInstant() {
    // Sao Paulo moved clocks from 00:00 to 01:00 on 2018-11-04.
    CalendarWindows.DaysWindows days = CalendarWindows.days(1).withTimeZone(SAO_PAULO);
    assertEquals(window("2018-11-04T01:00-02:00", "2018-11-05T00:00-02:00"), days.assignWindow(at("2018-11-04T01:30-02:00")));
    assertEquals(window("2018-11-03T00:00-03:00", "2018-11-04T01:00-02:00"), days.assignWindow(at("2018-11-03T23:59-03:00")));
  }

  @Test
  void weeksStartOnTheGivenDay() {
    CalendarWindows.DaysWindows weeks = CalendarWindows.weeks(1, DateTimeConstants.MONDAY);
    assertEquals(window("2021-06-07T00:00Z", "2021-06-14T00:00Z"), weeks.assignWindow(at("2021-06-09T12:00Z")));
    assertEquals(window("2021-06-14T00:00Z", "2021-06-21T00:00Z"), weeks.assignWindow(at("2021-06-14T00:00Z")));
  }

  @Test
  void runsOfWeeksAreAlignedToTheWeekdayNearTheEpoch() {
    // The first Sunday-start week after the epoch begins 1970-01-04; two-week runs count from it.
    CalendarWindows.DaysWindows fortnights = CalendarWindows.weeks(2, DateTimeConstants.SUNDAY);
    assertEquals(window("1970-01-04T00:00Z", "1970-01-18T00:00Z"), fortnights.assignWindow(at("1970-01-10T00:00Z")));
    assertEquals(window("1969-12-21T00:00Z", "1970-01-04T00:00Z"), fortnights.assignWindow(at("1970-01-01T00:00Z")));
  }

  @Test
  void monthWindowsFollowTheCalendar() {
    CalendarWindows.MonthsWindows months = CalendarWindows.months(1);
    assertEquals(window("2021-02-01T00:00Z", "2021-03-01T00:00Z"), months.assignWindow(at("2021-02-01T00:00Z")));
    assertEquals(window("2021-01-01T00:00Z", "2021-02-01T00:00Z"), months.assignWindow(at("2021-01-31T23:59:59.999Z")));
  }

  @Test
  void monthsBeginningOnALateDayUseTheLastDayOfShorterMonths() {
    CalendarWindows.MonthsWindows months = CalendarWindows.months(1).beginningOnDay(31);
    assertEquals(window("2021-01-31T00:00Z", "2021-02-28T00:00Z"), months.assignWindow(at("2021-02-27T00:00Z")));
    assertEquals(window("2021-02-28T00:00Z", "2021-03-31T00:00Z"), months.assignWindow(at("2021-03-01T00:00Z")));
    assertEquals(window("2021-03-31T00:00Z", "2021-04-30T00:00Z"), months.assignWindow(at("2021-04-15T00:00Z")));
  }

  @Test
  void runsOfMonthsCountFromTheStartingMonthBothWays() {
    CalendarWindows.MonthsWindows quarters = CalendarWindows.months(3).withStartingMonth(2021, 2);
    assertEquals(window("2021-05-01T00:00Z", "2021-08-01T00:00Z"), quarters.assignWindow(at("2021-07-31T00:00Z")));
    assertEquals(window("2020-11-01T00:00Z", "2021-02-01T00:00Z"), quarters.assignWindow(at("2021-01-15T00:00Z")));
  }

  @Test
  void monthWindowsFollowTheTimeZone() {
    assertEquals(
        window("2021-02-01T00:00+09:00", "2021-03-01T00:00+09:00"),
        CalendarWindows.months(1).withTimeZone(TOKYO).assignWindow(at("2021-01-31T16:00Z")));
  }

  @Test
  void yearWindowsFollowTheCalendar() {
    CalendarWindows.YearsWindows years = CalendarWindows.years(1);
    assertEquals(window("2020-01-01T00:00Z", "2021-01-01T00:00Z"), years.assignWindow(at("2020-12-31T23:59:59.999Z")));
    assertEquals(window("1969-01-01T00:00Z", "1970-01-01T00:00Z"), years.assignWindow(at("1969-06-30T00:00Z")));
  }

  @Test
  void yearsCanBeginOnAnyDay() {
    CalendarWindows.YearsWindows fiscal = CalendarWindows.years(1).beginningOnDay(7, 1);
    assertEquals(window("2020-07-01T00:00Z", "2021-07-01T00:00Z"), fiscal.assignWindow(at("2021-06-30T12:00Z")));
  }

  @Test
  void yearsBeginningOnFebruary29UseFebruary28InOtherYears() {
    CalendarWindows.YearsWindows leap = CalendarWindows.years(1).beginningOnDay(2, 29);
    assertEquals(window("2020-02-29T00:00Z", "2021-02-28T00:00Z"), leap.assignWindow(at("2020-06-01T00:00Z")));
    assertEquals(window("2021-02-28T00:00Z", "2022-02-28T00:00Z"), leap.assignWindow(at("2021-02-28T00:00Z")));
  }

  @Test
  void runsOfYearsCountFromTheStartingYearBothWays() {
    CalendarWindows.YearsWindows decades = CalendarWindows.years(10).withStartingYear(2000);
    assertEquals(window("2010-01-01T00:00Z", "2020-01-01T00:00Z"), decades.assignWindow(at("2015-05-05T00:00Z")));
    assertEquals(window("1990-01-01T00:00Z", "2000-01-01T00:00Z"), decades.assignWindow(at("1995-05-05T00:00Z")));
  }

  @Test
  void withTimeZoneKeepsTheCalendarStartingDate() {
    CalendarWindows.DaysWindows days = CalendarWindows.days(2).withStartingDay(2020, 1, 1).withTimeZone(TOKYO);
    assertEquals(at("2020-01-01T00:00+09:00"), days.getStartDate().toInstant());
    assertEquals(TOKYO, days.getTimeZone());
  }

  @Test
  void sideInputWindowIsTheCalendarWindowOfTheMainWindowsEnd() {
    IntervalWindow day = CalendarWindows.days(1).getDefaultWindowMappingFn().getSideInputWindow(
        new IntervalWindow(at("2021-06-09T10:00Z"), at("2021-06-09T11:00Z")));
    assertEquals(window("2021-06-09T00:00Z", "2021-06-10T00:00Z"), day);
  }

  @Test
  void equalAndCompatibleOnlyWhenEverySettingMatches() {
    assertEquals(CalendarWindows.days(2), CalendarWindows.days(2));
    assertEquals(CalendarWindows.days(2).hashCode(), CalendarWindows.days(2).hashCode());
    assertTrue(CalendarWindows.months(1).isCompatible(CalendarWindows.months(1)));
    assertNotEquals(CalendarWindows.days(1), CalendarWindows.days(1).withTimeZone(TOKYO));
    assertNotEquals(CalendarWindows.months(1), CalendarWindows.months(1).beginningOnDay(2));
    assertNotEquals(CalendarWindows.years(1), CalendarWindows.years(1).withStartingYear(2000));
    assertFalse(CalendarWindows.days(7).isCompatible(CalendarWindows.weeks(1, DateTimeConstants.MONDAY)));
    assertFalse(CalendarWindows.days(1).isCompatible(FixedWindows.of(Duration.standardDays(1))));
  }

  @Test
  void usesTheIntervalWindowCoder() {
    assertEquals(IntervalWindow.getCoder(), CalendarWindows.years(1).windowCoder());
  }

  @Test
  void rejectsMistakesWithMessagesNamingThem() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> CalendarWindows.days(0)).getMessage(),
        containsString("CalendarWindows.days needs a positive number"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> CalendarWindows.weeks(1, 8)).getMessage(),
        containsString("day of week from 1 (Monday) to 7 (Sunday)"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> CalendarWindows.months(1).beginningOnDay(32)).getMessage(),
        containsString("beginningOnDay needs a day from 1 to 31"));
    assertThat(
        assertThrows(IllegalArgumentException.class, () -> CalendarWindows.years(1).beginningOnDay(2, 30)).getMessage(),
        containsString("valid month and day"));
  }
}
