package io.banshi.workflows.offline;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times read against Monday 2026-11-30 09:00, as the evaluation says them.
 */
class TimeReaderTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 9, 0);

	private final TimeReader reader = new TimeReader();

	@ParameterizedTest
	@CsvSource({ "今天去, 2026-11-30", "明天, 2026-12-01", "后天, 2026-12-02", "大后天, 2026-12-03", "昨天打车, 2026-11-29",
			"这周五, 2026-12-04", "本周三, 2026-12-02", "周五, 2026-12-04", "星期天, 2026-12-06", "礼拜六, 2026-12-05",
			"下周三, 2026-12-09", "下个星期一, 2026-12-07", "下下周三, 2026-12-16", "周末, 2026-12-05", "下周末, 2026-12-12",
			"下个月1号, 2026-12-01", "下个月15号, 2026-12-15", "12月20日, 2026-12-20", "十二月二十号, 2026-12-20", "1月3日, 2027-01-03",
			"明年3月1日, 2027-03-01", "15号, 2026-12-15", "30号, 2026-11-30", "3天后, 2026-12-03", "今晚, 2026-11-30",
			"明晚, 2026-12-01", "tomorrow, 2026-12-01", "today, 2026-11-30", "the day after tomorrow, 2026-12-02",
			"this Friday, 2026-12-04", "Friday, 2026-12-04", "next Monday, 2026-12-07", "on Saturday, 2026-12-05",
			"this weekend, 2026-12-05", "next weekend, 2026-12-12", "on December 12, 2026-12-12", "Dec 20, 2026-12-20",
			"12th of December, 2026-12-12", "in 3 days, 2026-12-03", "2026-12-24, 2026-12-24", "圣诞节, 2026-12-25",
			"元旦, 2027-01-01", "Christmas Eve, 2026-12-24", "双十一, 2027-11-11", "下个月底, 2026-12-31", "tmr, 2026-12-01" })
	void shouldReadDaysRelativeToNow(String text, String expected) {
		// when
		When when = this.reader.read(text, NOW);

		// then
		assertThat(when.date()).hasToString(expected);
	}

	@ParameterizedTest
	@CsvSource({ "早上7点, 07:00", "下午3点半, 15:30", "晚上8点, 20:00", "今晚8点, 20:00", "明晚7点, 19:00", "中午, 12:00", "中午1点, 13:00",
			"上午10点15分, 10:15", "下午两点一刻, 14:15", "3点, 15:00", "10:30, 10:30", "晚上9:45, 21:45", "at 8pm, 20:00",
			"9am, 09:00", "tonight at 7, 19:00", "2:30 pm, 14:30", "noon, 12:00", "12am, 00:00",
			"Friday evening, 19:00", "今晚7点2个人, 19:00", "早上7点30, 07:30", "八点二十, 08:20" })
	void shouldReadTimesOfDay(String text, String expected) {
		// when
		When when = this.reader.read(text, NOW);

		// then
		assertThat(when.time()).hasToString(expected);
	}

	@Test
	void shouldNotReadALittleAsOneOClock() {
		// when
		When when = this.reader.read("便宜一点的酒店", NOW);

		// then
		assertThat(when.time()).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "半小时后, 2026-11-30T09:30", "10分钟后, 2026-11-30T09:10", "2小时后, 2026-11-30T11:00",
			"一个半小时后, 2026-11-30T10:30", "in 2 hours, 2026-11-30T11:00", "in 30 minutes, 2026-11-30T09:30",
			"in half an hour, 2026-11-30T09:30" })
	void shouldReadMomentsFromNow(String text, String expected) {
		// when
		When when = this.reader.read(text, NOW);

		// then
		assertThat(when.exact()).hasToString(expected);
	}

	@ParameterizedTest
	@CsvSource({ "每天早上7点, daily, 2026-12-01T07:00", "每周五下午5点, weekly, 2026-12-04T17:00",
			"每个工作日早上8点, daily, 2026-12-01T08:00", "每月1号, monthly, 2026-12-01T09:00",
			"every Monday at 9am, weekly, 2026-12-07T09:00", "every day at 10pm, daily, 2026-11-30T22:00",
			"every weekday at 7:30am, daily, 2026-12-01T07:30", "the 1st of every month, monthly, 2026-12-01T09:00" })
	void shouldReadRepeatsAndTheirFirstMoment(String text, String repeat, String first) {
		// when
		When when = this.reader.read(text, NOW);

		// then
		assertThat(when.repeat()).isEqualTo(repeat);
		assertThat(when.firstMoment(NOW, null, java.time.LocalTime.of(9, 0))).hasToString(first);
	}

	@ParameterizedTest
	@CsvSource({ "每隔两小时, PT2H, 2026-11-30T11:00", "每30分钟, PT30M, 2026-11-30T09:30",
			"every 2 hours, PT2H, 2026-11-30T11:00", "hourly, PT1H, 2026-11-30T10:00" })
	void shouldReadIntervalsAsDurations(String text, String repeat, String first) {
		// when
		When when = this.reader.read(text, NOW);

		// then
		assertThat(when.repeat()).isEqualTo(repeat);
		assertThat(when.firstMoment(NOW, null, java.time.LocalTime.of(9, 0))).hasToString(first);
	}

	@Test
	void shouldReadAnOffsetBeforeAMoment() {
		// when
		When when = this.reader.read("30 minutes before my 2pm dentist appointment tomorrow", NOW);

		// then
		assertThat(when.firstMoment(NOW, null, java.time.LocalTime.of(9, 0))).hasToString("2026-12-01T13:30");
	}

	@Test
	void shouldReadARangeOfDays() {
		// when
		When when = this.reader.read("12月12日到15日", NOW);

		// then
		assertThat(when.date()).hasToString("2026-12-12");
		assertThat(when.endDate()).hasToString("2026-12-15");
	}

	@Test
	void shouldNotReadTheWeatherOfTomorrowAsEveryDay() {
		// when
		When when = this.reader.read("杭州明天天气怎么样", NOW.withHour(2));

		// then
		assertThat(when.repeat()).isNull();
		assertThat(when.date()).hasToString("2026-12-01");
	}

	@Test
	void shouldReadABareWeekdayAfterAnotherDayAsTheNextOne() {
		// when
		When when = this.reader.read("下周三到周五出差", NOW);

		// then
		assertThat(when.date()).hasToString("2026-12-09");
		assertThat(when.endDate()).hasToString("2026-12-11");
	}

	@Test
	void shouldNotTakeADescriptionForARepeat() {
		// when
		When when = this.reader.read("submit my weekly report tomorrow", NOW);

		// then
		assertThat(when.repeat()).isNull();
		assertThat(when.date()).hasToString("2026-12-01");
	}

}
