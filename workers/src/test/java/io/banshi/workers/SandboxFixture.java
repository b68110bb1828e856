package io.banshi.workers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.banshi.db.TestDatabase;
import io.banshi.workers.order.OrderStore;
import io.banshi.workers.plugin.CapabilityPlugin;
import io.banshi.workers.plugin.PluginRegistry;
import io.banshi.workers.sandbox.CalendarPlugin;
import io.banshi.workers.sandbox.DeliveryPlugin;
import io.banshi.workers.sandbox.FlightPlugin;
import io.banshi.workers.sandbox.HotelPlugin;
import io.banshi.workers.sandbox.LedgerPlugin;
import io.banshi.workers.sandbox.MessagePlugin;
import io.banshi.workers.sandbox.PlacePlugin;
import io.banshi.workers.sandbox.ProductPlugin;
import io.banshi.workers.sandbox.RestaurantPlugin;
import io.banshi.workers.sandbox.RoutePlugin;
import io.banshi.workers.sandbox.Sandbox;
import io.banshi.workers.sandbox.TrainPlugin;
import io.banshi.workers.sandbox.VideoPlugin;
import io.banshi.workers.sandbox.WeatherPlugin;
import io.banshi.workflows.catalog.CapabilityCatalog;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh, migrated database (H2, or MariaDB with {@code -Pmariadb}) with the sandbox
 * plugins on it, at the moment the dev set is planned: Monday 2026-11-30 09:00 in
 * Shanghai.
 */
public final class SandboxFixture implements AutoCloseable {

	/** The moment of the dev set: 2026-11-30T09:00+08:00, a Monday. */
	public static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");

	public final HikariDataSource dataSource;

	public final JdbcTemplate jdbc;

	public final OrderStore orders;

	public final Sandbox sandbox;

	public final PlacePlugin places;

	public final CapabilityCatalog catalog = CapabilityCatalog.builtIn();

	public final PluginRegistry registry;

	public SandboxFixture(String purpose) {
		this.dataSource = TestDatabase.create(purpose).migrated().dataSource();
		this.jdbc = new JdbcTemplate(this.dataSource);
		Clock clock = Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
		this.orders = new OrderStore(this.dataSource, clock);
		this.sandbox = new Sandbox(this.dataSource, this.orders, clock);
		this.places = new PlacePlugin(this.sandbox);
		List<CapabilityPlugin> plugins = List.of(new FlightPlugin(this.sandbox), new TrainPlugin(this.sandbox),
				new HotelPlugin(this.sandbox), new RoutePlugin(this.sandbox, this.places), this.places,
				new RestaurantPlugin(this.sandbox), new DeliveryPlugin(this.sandbox), new ProductPlugin(this.sandbox),
				new CalendarPlugin(this.sandbox), new WeatherPlugin(this.sandbox), new VideoPlugin(this.sandbox),
				new LedgerPlugin(this.sandbox), new MessagePlugin(this.sandbox));
		this.registry = new PluginRegistry(this.catalog, plugins);
	}

	public int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	@Override
	public void close() {
		this.dataSource.close();
	}

}
