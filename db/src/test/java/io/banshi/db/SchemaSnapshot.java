package io.banshi.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * The tables and columns of a migrated schema, read through JDBC metadata, in a form that
 * compares across H2 and MariaDB: names in lower case, column types folded into families
 * ({@code integer}, {@code decimal}, {@code text}, {@code binary}, {@code boolean},
 * {@code timestamp}, ...), and nullability.
 */
record SchemaSnapshot(Map<String, Map<String, String>> tables) {

	static SchemaSnapshot read(DataSource dataSource) throws SQLException {
		Map<String, Map<String, String>> tables = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			String catalog = connection.getCatalog();
			String schema = connection.getSchema();
			boolean h2 = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
			try (ResultSet rs = meta.getTables(h2 ? null : catalog, h2 ? schema : null, "%",
					new String[] { "TABLE" })) {
				while (rs.next()) {
					String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					if (!table.startsWith("flyway_")) {
						tables.put(table, new TreeMap<>());
					}
				}
			}
			try (ResultSet rs = meta.getColumns(h2 ? null : catalog, h2 ? schema : null, "%", "%")) {
				while (rs.next()) {
					Map<String, String> columns = tables.get(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
					if (columns != null) {
						String type = family(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
								rs.getLong("COLUMN_SIZE"));
						String nullable = (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) ? "not null"
								: "null";
						columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), type + " " + nullable);
					}
				}
			}
		}
		return new SchemaSnapshot(tables);
	}

	/**
	 * H2 in MySQL mode stores {@code LONGTEXT}/{@code MEDIUMTEXT} as
	 * {@code CHARACTER VARYING} with a huge length, where MySQL reports a long text type;
	 * a variable-length column of 16 MiB or more is text on both.
	 */
	private static final long TEXT_LENGTH = 16L * 1024 * 1024;

	private static String family(int jdbcType, String typeName, long size) {
		if ((jdbcType == Types.VARCHAR || jdbcType == Types.NVARCHAR) && size >= TEXT_LENGTH) {
			return "text";
		}
		return switch (jdbcType) {
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> "integer";
			case Types.BIGINT -> "bigint";
			case Types.DECIMAL, Types.NUMERIC -> "decimal";
			case Types.FLOAT, Types.REAL, Types.DOUBLE -> "float";
			case Types.BIT, Types.BOOLEAN -> "boolean";
			case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR -> "varchar";
			case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> "text";
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
			case Types.DATE -> "date";
			case Types.TIME -> "time";
			case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
			default -> typeName.toLowerCase(Locale.ROOT);
		};
	}

}
