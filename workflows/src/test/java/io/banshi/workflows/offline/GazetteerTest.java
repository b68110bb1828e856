package io.banshi.workflows.offline;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GazetteerTest {

	private final Gazetteer gazetteer = Gazetteer.builtIn();

	@ParameterizedTest
	@CsvSource({ "去上海, 上海", "杭州市明天, 杭州", "from Hangzhou, Hangzhou", "in beijing, Beijing", "to Xi'an, Xi'an",
			"去西湖玩, 西湖", "Tokyo, Tokyo", "东京, 东京", "the Bund, The Bund", "逛南京路, 南京路", "Nanjing Road, Nanjing Road",
			"walk to the Forbidden City, Forbidden City", "帮我Book一个上海的hotel, 上海" })
	void shouldFindPlacesInChineseAndEnglish(String text, String expected) {
		// when
		List<Found<Gazetteer.Named>> found = this.gazetteer.find(text);

		// then
		assertThat(found).isNotEmpty();
		assertThat(found.get(0).value().name()).isEqualTo(expected);
	}

	@Test
	void shouldKnowTheCityOfALandmarkAndTheOtherLanguagesName() {
		// when
		Place westLake = this.gazetteer.lookup("West Lake");
		Place shanghai = this.gazetteer.lookup("上海");

		// then
		assertThat(westLake.zh()).isEqualTo("西湖");
		assertThat(westLake.city()).isEqualTo("杭州");
		assertThat(shanghai.en()).isEqualTo("Shanghai");
	}

	@Test
	void shouldHoldTheLargestCitiesAndLandmarks() {
		// given
		List<String> names = List.of("北京", "上海", "广州", "深圳", "成都", "重庆", "武汉", "西安", "南京", "天津", "苏州", "郑州", "长沙", "青岛",
				"沈阳", "宁波", "昆明", "大连", "厦门", "哈尔滨", "三亚", "拉萨", "故宫", "外滩", "灵隐寺", "兵马俑", "长城");

		// then
		assertThat(names).allSatisfy((name) -> assertThat(this.gazetteer.lookup(name)).as(name).isNotNull());
	}

	@Test
	void shouldNotFindEnglishNamesInsideOtherWords() {
		// when
		List<Found<Gazetteer.Named>> found = this.gazetteer.find("Dalianese and Parisian cafes");

		// then
		assertThat(found).isEmpty();
	}

}
