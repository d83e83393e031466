package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import java.util.Objects;
import org.joda.time.DateTime;
import org.joda.time.DateTimeConstants;
import org.joda.time.DateTimeZone;
import org.joda.time.Days;
import org.joda.time.Instant;
import org.joda.time.LocalDate;

/**
 * Windows that follow the calendar of a time zone: runs of days, weeks, months or years, each window
 * starting at the start of a day in that zone (UTC unless {@code withTimeZone} says otherwise), so a
 * day window across a daylight-saving change lasts 23 or 25 hours.
 *
 * <p>Runs of several units are counted from a starting date (the epoch's unless changed), in both
 * directions: timestamps before the starting date are in normal windows. Where a day has no midnight
 * (a daylight-saving change at midnight), its window starts at the day's first instant. Immutable.
 */
public final class CalendarWindows {
  private static final LocalDate EPOCH_DATE = new LocalDate(1970, 1, 1);

  private CalendarWindows() {}

  /** Windows of {@code number} days, counted from 1970-01-01. */
  public static DaysWindows days(int number) {
    return new DaysWindows(number, EPOCH_DATE, DateTimeZone.UTC);
  }

  /**
   * Windows of {@code number} weeks starting on {@code startDayOfWeek} ({@link DateTimeConstants#MONDAY}
   * to {@link DateTimeConstants#SUNDAY}), counted from that weekday in the week of 1970-01-01.
   */
  public static DaysWindows weeks(int number, int startDayOfWeek) {
    checkArgument(
        startDayOfWeek >= DateTimeConstants.MONDAY && startDayOfWeek <= DateTimeConstants.SUNDAY,
        "CalendarWindows.weeks needs a day of week from 1 (Monday) to 7 (Sunday), got %s",
        startDayOfWeek);
    checkArgument(number > 0, "CalendarWindows.weeks needs a positive number of weeks, got %s", number);
    return new DaysWindows(7 * number, EPOCH_DATE.withDayOfWeek(startDayOfWeek), DateTimeZone.UTC);
  }

  /** Windows of {@code number} months starting on the first of the month, counted from January 1970. */
  public static MonthsWindows months(int number) {
    return new MonthsWindows(number, 1, EPOCH_DATE, DateTimeZone.UTC);
  }

  /** Windows of {@code number} years starting on January 1, counted from 1970. */
  public static YearsWindows years(int number) {
    return new YearsWindows(number, 1, 1, EPOCH_DATE, DateTimeZone.UTC);
  }

  /** The window from the start of day {@code first} to the start of day {@code next}, in {@code zone}. */
  static IntervalWindow between(LocalDate first, LocalDate next, DateTimeZone zone) {
    return new IntervalWindow(
        first.toDateTimeAtStartOfDay(zone).toInstant(), next.toDateTimeAtStartOfDay(zone).toInstant());
  }

  /** The date of {@code timestamp} in {@code zone}. */
  static LocalDate dateOf(Instant timestamp, DateTimeZone zone) {
    return new LocalDate(timestamp.getMillis(), zone);
  }

  static void checkNumber(int number, String unit) {
    checkArgument(number > 0, "CalendarWindows.%s needs a positive number, got %s", unit, number);
  }

  /**
   * Windows of a number of days: {@code [start + k*n days, start + (k+1)*n days)} in a time zone.
   * Made by {@link CalendarWindows#days} and {@link CalendarWindows#weeks}.
   */
  public static final class DaysWindows extends PartitioningWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    private final int number;
    private final LocalDate startDate;
    private final DateTimeZone timeZone;

    private DaysWindows(int number, LocalDate startDate, DateTimeZone timeZone) {
      checkNumber(number, "days");
      this.number = number;
      this.startDate = startDate;
      this.timeZone = Objects.requireNonNull(timeZone, "time zone");
    }

    /** Counts the runs of days from {@code year-month-day} instead. */
    public DaysWindows withStartingDay(int year, int month, int day) {
      return new DaysWindows(number, new LocalDate(year, month, day), timeZone);
    }

    /** The same calendar days, in {@code timeZone}. */
    public DaysWindows withTimeZone(DateTimeZone timeZone) {
      return new DaysWindows(number, startDate, timeZone);
    }

    public int getNumber() {
      return number;
    }

    /** The start of the starting day, in the time zone. */
    public DateTime getStartDate() {
      return startDate.toDateTimeAtStartOfDay(timeZone);
    }

    public DateTimeZone getTimeZone() {
      return timeZone;
    }

    @Override
    public IntervalWindow assignWindow(Instant timestamp) {
      int days = Days.daysBetween(startDate, dateOf(timestamp, timeZone)).getDays();
      int first = Math.floorDiv(days, number) * number;
      return between(startDate.plusDays(first), startDate.plusDays(first + number), timeZone);
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return equals(other);
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DaysWindows other
          && number == other.number
          && startDate.equals(other.startDate)
          && timeZone.equals(other.timeZone);
    }

    @Override
    public int hashCode() {
      return Objects.hash(DaysWindows.class, number, startDate, timeZone);
    }

    @Override
    public String toString() {
      return "CalendarWindows.days(" + number + ") from " + startDate + " in " + timeZone;
    }
  }

  /** The date in the month starting {@code firstOfMonth} on day {@code dayOfMonth}, or its last day if shorter. */
  static LocalDate dayInMonth(LocalDate firstOfMonth, int dayOfMonth) {
    return firstOfMonth.withDayOfMonth(Math.min(dayOfMonth, firstOfMonth.dayOfMonth().getMaximumValue()));
  }

  /** Months from {@code firstOfMonth}'s month to {@code date}'s month. */
  static int monthsFrom(LocalDate firstOfMonth, LocalDate date) {
    return (date.getYear() - firstOfMonth.getYear()) * 12 + date.getMonthOfYear() - firstOfMonth.getMonthOfYear();
  }

  /**
   * Windows of a number of months, each starting on a day of the month (the last day of a shorter
   * month), counted from a starting month. Made by {@link CalendarWindows#months}.
   */
  public static final class MonthsWindows extends PartitioningWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;

    private final int number;
    private final int dayOfMonth;
    private final LocalDate startMonth;
    private final DateTimeZone timeZone;

    private MonthsWindows(int number, int dayOfMonth, LocalDate startMonth, DateTimeZone timeZone) {
      checkNumber(number, "months");
      checkArgument(
          dayOfMonth >= 1 && dayOfMonth <= 31, "MonthsWindows.beginningOnDay needs a day from 1 to 31, got %s", dayOfMonth);
      this.number = number;
      this.dayOfMonth = dayOfMonth;
      this.startMonth = startMonth.withDayOfMonth(1);
      this.timeZone = Objects.requireNonNull(timeZone, "time zone");
    }

    /** Windows that start on day {@code dayOfMonth} of a month (the last day of shorter months). */
    public MonthsWindows beginningOnDay(int dayOfMonth) {
      return new MonthsWindows(number, dayOfMonth, startMonth, timeZone);
    }

    /** Counts the runs of months from {@code month} of {@code year} instead. */
    public MonthsWindows withStartingMonth(int year, int month) {
      return new MonthsWindows(number, dayOfMonth, new LocalDate(year, month, 1), timeZone);
    }

    /** The same calendar dates, in {@code timeZone}. */
    public MonthsWindows withTimeZone(DateTimeZone timeZone) {
      return new MonthsWindows(number, dayOfMonth, startMonth, timeZone);
    }

    public int getNumber() {
      return number;
    }

    public int getDayOfMonth() {
      return dayOfMonth;
    }

    /** The start of the first window of the starting month, in the time zone. */
    public DateTime getStartDate() {
      return boundary(0).toDateTimeAtStartOfDay(timeZone);
    }

    public DateTimeZone getTimeZone() {
      return timeZone;
    }

    private LocalDate boundary(int months) {
      return dayInMonth(startMonth.plusMonths(months), dayOfMonth);
    }

    @Override
    public IntervalWindow assignWindow(Instant timestamp) {
      LocalDate date = dateOf(timestamp, timeZone);
      int months = monthsFrom(startMonth, date);
      if (date.isBefore(boundary(months))) {
        months--;
      }
      int first = Math.floorDiv(months, number) * number;
      return between(boundary(first), boundary(first + number), timeZone);
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return equals(other);
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MonthsWindows other
          && number == other.number
          && dayOfMonth == other.dayOfMonth
          && startMonth.equals(other.startMonth)
          && timeZone.equals(other.timeZone);
    }

    @Override
    public int hashCode() {
      return Objects.hash(MonthsWindows.class, number, dayOfMonth, startMonth, timeZone);
    }

    @Override
    public String toString() {
      return "CalendarWindows.months(" + number + ") on day " + dayOfMonth + " from " + startMonth + " in " + timeZone;
    }
  }

  /**
   * Windows of a number of years, each starting on a month and day (February 28 for February 29 in
   * other years), counted from a starting year. Made by {@link CalendarWindows#years}.
   */
  public static final class YearsWindows extends PartitioningWindowFn<Object, IntervalWindow> {
    private static final long serialVersionUID = 1L;
    private static final int LEAP_YEAR = 2000;

    private final int number;
    private final int monthOfYear;
    private final int dayOfMonth;
    private final int startYear;
    private final DateTimeZone timeZone;

    private YearsWindows(int number, int monthOfYear, int dayOfMonth, LocalDate start, DateTimeZone timeZone) {
      checkNumber(number, "years");
      checkArgument(
          monthOfYear >= 1 && monthOfYear <= 12
              && dayOfMonth >= 1
              && dayOfMonth <= new LocalDate(LEAP_YEAR, monthOfYear, 1).dayOfMonth().getMaximumValue(),
          "YearsWindows.beginningOnDay needs a valid month and day, got month %s day %s",
          monthOfYear,
          dayOfMonth);
      this.number = number;
      this.monthOfYear = monthOfYear;
      this.dayOfMonth = dayOfMonth;
      this.startYear = start.getYear();
      this.timeZone = Objects.requireNonNull(timeZone, "time zone");
    }

    /** Windows that start on {@code dayOfMonth} of {@code monthOfYear}. */
    public YearsWindows beginningOnDay(int monthOfYear, int dayOfMonth) {
      return new YearsWindows(number, monthOfYear, dayOfMonth, new LocalDate(startYear, 1, 1), timeZone);
    }

    /** Counts the runs of years from {@code year} instead. */
    public YearsWindows withStartingYear(int year) {
      return new YearsWindows(number, monthOfYear, dayOfMonth, new LocalDate(year, 1, 1), timeZone);
    }

    /** The same calendar dates, in {@code timeZone}. */
    public YearsWindows withTimeZone(DateTimeZone timeZone) {
      return new YearsWindows(number, monthOfYear, dayOfMonth, new LocalDate(startYear, 1, 1), timeZone);
    }

    public int getNumber() {
      return number;
    }

    public int getMonthOfYear() {
      return monthOfYear;
    }

    public int getDayOfMonth() {
      return dayOfMonth;
    }

    /** The start of the first window of the starting year, in the time zone. */
    public DateTime getStartDate() {
      return boundary(0).toDateTimeAtStartOfDay(timeZone);
    }

    public DateTimeZone getTimeZone() {
      return timeZone;
    }

    private LocalDate boundary(int years) {
      return dayInMonth(new LocalDate(startYear + years, monthOfYear, 1), dayOfMonth);
    }

    @Override
    public IntervalWindow assignWindow(Instant timestamp) {
      LocalDate date = dateOf(timestamp, timeZone);
      int years = date.getYear() - startYear;
      if (date.isBefore(boundary(years))) {
        years--;
      }
      int first = Math.floorDiv(years, number) * number;
      return between(boundary(first), boundary(first + number), timeZone);
    }

    @Override
    public boolean isCompatible(WindowFn<?, ?> other) {
      return equals(other);
    }

    @Override
    public Coder<IntervalWindow> windowCoder() {
      return IntervalWindow.getCoder();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof YearsWindows other
          && number == other.number
          && monthOfYear == other.monthOfYear
          && dayOfMonth == other.dayOfMonth
          && startYear == other.startYear
          && timeZone.equals(other.timeZone);
    }

    @Override
    public int hashCode() {
      return Objects.hash(YearsWindows.class, number, monthOfYear, dayOfMonth, startYear, timeZone);
    }

    @Override
    public String toString() {
      return "CalendarWindows.years(" + number + ") on " + monthOfYear + "-" + dayOfMonth + " from " + startYear
          + " in " + timeZone;
    }
  }
}
