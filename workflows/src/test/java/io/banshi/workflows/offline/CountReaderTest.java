package io.banshi.workflows.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountReaderTest {

	private final CountReader reader = new CountReader();

	@ParameterizedTest
	@CsvSource({ "帮我买两箱农夫山泉, 2", "买一张二等座, 1", "点三份饺子, 3", "Buy 3 bags of dog food, 3", "two bottles of shampoo, 2",
			"order 100 iPhones, 100" })
	void shouldReadQuantities(String text, int expected) {
		// when
		Counts counts = this.reader.read(text);

		// then
		assertThat(counts.quantity()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "订个4人位, 4", "我们4个人, 4", "一家三口去玩, 3", "两个大人一个小孩, 3", "Order pizza for 4 people, 4", "a trip for two, 2",
			"a table for 6, 6", "Train tickets for two adults, 2", "我和老婆去吃饭, 2", "a hotel for 2 adults and 1 child, 3",
			"我们三个去吃火锅, 3" })
	void shouldReadPartySizes(String text, int expected) {
		// when
		Counts counts = this.reader.read(text);

		// then
		assertThat(counts.partySize()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "住两晚, 2", "住3天, 3", "3天2晚, 2", "玩两天, 1", "三日游, 2", "for 3 nights, 3", "a 4-day trip, 3", "出差三天, 2" })
	void shouldReadNightsOfAStay(String text, int expected) {
		// when
		Counts counts = this.reader.read(text);

		// then
		assertThat(counts.nights()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "下周五晚上提醒我", "周日下午", "一班高铁", "找一款电饭煲", "for Friday dinner" })
	void shouldNotCountWhatIsNoCount(String text) {
		// when
		Counts counts = this.reader.read(text);

		// then
		assertThat(counts.quantity()).isNull();
		assertThat(counts.partySize()).isNull();
		assertThat(counts.nights()).isNull();
	}

}
