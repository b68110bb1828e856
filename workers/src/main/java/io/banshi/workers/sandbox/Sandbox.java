package io.banshi.workers.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import io.banshi.workers.order.OrderStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every sandbox plugin shares: the catalog database, the order store, the cities and
 * the clock "today" is read from. Dates the person did not give default to today in
 * {@link #ZONE}; a {@link Clock} bean, when the application has exactly one, is used so
 * tests can move time.
 */
@Component
public class Sandbox {

	/** The sandbox's time zone: the platform's users live in China. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * Where trips start when the person named no origin (and where they go when the
	 * destination is this city itself: {@link #SECOND_CITY}).
	 */
	public static final String HOME_CITY = "北京";

	/** The default origin for trips to {@link #HOME_CITY}. */
	public static final String SECOND_CITY = "上海";

	private final JdbcTemplate jdbc;

	private final OrderStore orders;

	private final Clock clock;

	private final Cities cities;

	private final Inventory inventory;

	/**
	 * Creates the sandbox for the application.
	 * @param dataSource the platform database (holds {@code sbx_*} and {@code app_order})
	 * @param orders the order store
	 * @param clock a clock bean if the application has one
	 */
	@Autowired
	public Sandbox(DataSource dataSource, OrderStore orders, ObjectProvider<Clock> clock) {
		this(dataSource, orders, clock.getIfUnique(() -> Clock.system(ZONE)));
	}

	/**
	 * Creates the sandbox with a given clock.
	 * @param dataSource the platform database
	 * @param orders the order store
	 * @param clock the clock
	 */
	public Sandbox(DataSource dataSource, OrderStore orders, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.orders = orders;
		this.clock = clock;
		this.cities = new Cities(this.jdbc);
		this.inventory = new Inventory(this.jdbc);
	}

	/**
	 * Returns today in the sandbox's time zone.
	 * @return the date
	 */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZONE));
	}

	/**
	 * Returns now in the sandbox's time zone.
	 * @return the local date-time
	 */
	public LocalDateTime now() {
		return LocalDateTime.now(this.clock.withZone(ZONE));
	}

	/**
	 * Returns the cities.
	 * @return the cities
	 */
	public Cities cities() {
		return this.cities;
	}

	JdbcTemplate jdbc() {
		return this.jdbc;
	}

	OrderStore orders() {
		return this.orders;
	}

	Inventory inventory() {
		return this.inventory;
	}

	Clock clock() {
		return this.clock;
	}

}
