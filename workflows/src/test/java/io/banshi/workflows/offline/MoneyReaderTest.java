package io.banshi.workflows.offline;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyReaderTest {

	private final MoneyReader reader = new MoneyReader();

	@ParameterizedTest
	@CsvSource({ "'预算5000元', BUDGET, 5000", "'预算3000', BUDGET, 3000", "'两千块以内的', BUDGET, 2000", "'三百块以内', BUDGET, 300",
			"'不超过一千五', BUDGET, 1500", "'5千块预算', BUDGET, 5000", "'预算1.5万', BUDGET, 15000", "'500元以内的电饭煲', BUDGET, 500",
			"'if it''s under 6000 yuan', BUDGET, 6000", "'under 2500 yuan', BUDGET, 2500", "'budget 300', BUDGET, 300",
			"'with a budget of 4000 yuan', BUDGET, 4000", "'打车花了32元', SPENT, 32",
			"'I spent 45 yuan on lunch', SPENT, 45", "'paid 120 RMB', SPENT, 120", "'¥300', PLAIN, 300",
			"'300 RMB', PLAIN, 300", "'一百五十元', PLAIN, 150", "'两千五块钱', PLAIN, 2500", "'预算2000到3000元', BUDGET, 3000",
			"'between 2000 and 3000 yuan', BUDGET, 3000", "'人均200左右', BUDGET, 200" })
	void shouldReadSumsAndWhatTheyAre(String text, Money.Kind kind, double amount) {
		// when
		List<Found<Money>> found = this.reader.find(text);

		// then
		assertThat(found).hasSize(1);
		assertThat(found.get(0).value()).isEqualTo(new Money(kind, amount));
	}

	@ParameterizedTest
	@CsvSource({ "'iPhone 16'", "'住3晚'", "'两天内'", "'4个人'", "'WH-1000XM5耳机'", "'下午3点'", "'三块蛋糕'" })
	void shouldNotTakeOtherNumbersForMoney(String text) {
		// when
		List<Found<Money>> found = this.reader.find(text);

		// then
		assertThat(found).isEmpty();
	}

}
