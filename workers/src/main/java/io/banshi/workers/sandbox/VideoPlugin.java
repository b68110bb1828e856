package io.banshi.workers.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.Inputs;
import io.banshi.workers.plugin.Option;

import org.springframework.stereotype.Component;

/**
 * {@code video.content} from the sandbox ({@code sbx_video}): films, series and
 * documentaries on Chinese streaming platforms, found by title, genre or tag
 * ({@code item}: "动画", "family", "科幻"), best rated first; without an item, the best rated
 * of all. Price 0 means free for the platform's members.
 */
@Component
public class VideoPlugin implements CapabilityPlugin {

	static final String SELECT_ALL = "SELECT id, title, title_en, genre, tags, platform, rating, price,"
			+ " family_friendly FROM sbx_video ORDER BY id";

	private static final int TOP = 10;

	private final Sandbox sandbox;

	/**
	 * Creates the plugin.
	 * @param sandbox the sandbox
	 */
	public VideoPlugin(Sandbox sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public String name() {
		return "sandbox.video.content";
	}

	@Override
	public Set<String> capabilities() {
		return Set.of("video.content");
	}

	@Override
	public List<Option> query(String capability, Map<String, Object> inputs) {
		String item = Inputs.text(inputs, "item", "title");
		List<Video> videos = this.sandbox.jdbc()
			.query(SELECT_ALL,
					(rs, row) -> new Video(rs.getLong("id"), rs.getString("title"), rs.getString("title_en"),
							rs.getString("genre"), rs.getString("tags"), rs.getString("platform"),
							rs.getDouble("rating"), rs.getBigDecimal("price"), rs.getBoolean("family_friendly")));
		if (item != null && videos.stream().anyMatch((video) -> video.score(item) > 0)) {
			videos = videos.stream().filter((video) -> video.score(item) > 0).toList();
		}
		List<Video> ranked = new ArrayList<>(videos);
		ranked.sort(Comparator.comparing((Video video) -> -video.score(item))
			.thenComparing(Comparator.comparing(Video::rating).reversed()));
		List<Option> options = new ArrayList<>();
		for (Video video : ranked.subList(0, Math.min(TOP, ranked.size()))) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("title", video.title());
			details.put("title_en", video.titleEn());
			details.put("genre", video.genre());
			details.put("platform", video.platform());
			details.put("family_friendly", video.family());
			options.add(new Option("video.content", name(), "VD:" + video.id(), video.platform(), video.title(),
					video.price(), video.price(), null, video.rating(), null, details));
		}
		return options;
	}

	record Video(long id, String title, String titleEn, String genre, String tags, String platform, double rating,
			java.math.BigDecimal price, boolean family) {

		int score(String item) {
			return (item != null) ? Keywords.score(item, this.tags, this.title, this.titleEn, this.genre) : 0;
		}

	}

}
