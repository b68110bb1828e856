package io.banshi.workers.sandbox;

/**
 * A city of the sandbox catalog ({@code sbx_city}).
 *
 * @param name the Chinese name, as stored everywhere else ({@code 上海})
 * @param nameEn the English name ({@code Shanghai})
 * @param latitude degrees north
 * @param longitude degrees east
 * @param janLowC the usual January low, °C
 * @param julHighC the usual July high, °C
 * @param rainyPct the share of rainy days, percent
 */
public record City(String name, String nameEn, double latitude, double longitude, int janLowC, int julHighC,
		int rainyPct) {

	/**
	 * Returns the great-circle distance to a point.
	 * @param lat latitude of the point
	 * @param lon longitude of the point
	 * @return kilometres
	 */
	public double distanceKm(double lat, double lon) {
		return Geo.distanceKm(this.latitude, this.longitude, lat, lon);
	}

}
