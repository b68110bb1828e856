package io.banshi.workflows.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumeralsTest {

	@ParameterizedTest
	@CsvSource({ "5000, 5000", "'5,000', 5000", "1.5, 1.5", "两, 2", "十, 10", "十二, 12", "二十, 20", "二十五, 25", "一百五, 150",
			"一百零五, 105", "三百五十, 350", "两千, 2000", "两千五, 2500", "一万二, 12000", "一万五, 15000", "5千, 5000", "1.5万, 15000",
			"3万5, 35000", "5k, 5000", "二〇二六, 2026", "two, 2", "twenty, 20", "a dozen, 12", "a couple of, 2",
			"half an, 0.5" })
	void shouldReadNumbersAsPeopleWriteThem(String text, double expected) {
		// when
		Double value = Numerals.parse(text);

		// then
		assertThat(value).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "abc", "'  '", "元" })
	void shouldNotReadWordsThatAreNoNumber(String text) {
		// when
		Double value = Numerals.parse(text);

		// then
		assertThat(value).isNull();
	}

}
