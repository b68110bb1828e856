package io.banshi.engine.spring;

import javax.sql.DataSource;

import io.banshi.engine.internal.query.JdbcEngineQueries;
import io.banshi.engine.query.EngineQueries;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The engine's read-only query service over the application's database. It does not need
 * an engine in this process: with {@code engine.embedded=false} and a standalone engine
 * on the same database, the console reads the same journeys; against a Camunda 8 cluster
 * the tables are simply empty.
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, EngineAutoConfiguration.class })
@ConditionalOnBean(DataSource.class)
public class EngineQueriesAutoConfiguration {

	/**
	 * The query service, for the console.
	 * @param dataSource the application's database
	 * @return the queries
	 */
	@Bean
	@ConditionalOnMissingBean
	public EngineQueries engineQueries(DataSource dataSource) {
		return new JdbcEngineQueries(dataSource);
	}

}
