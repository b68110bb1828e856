package io.banshi.workers.sandbox;

import java.time.LocalDate;
import java.util.Map;

import io.banshi.workers.plugin.Inputs;

/**
 * Where and when a journey goes, read from a step's inputs with the sandbox's defaults:
 * no origin means {@link Sandbox#HOME_CITY} (or {@link Sandbox#SECOND_CITY} for a trip to
 * it), no date means today.
 */
record Trip(City origin, City destination, LocalDate date) {

	static Trip of(Sandbox sandbox, Map<String, Object> inputs) {
		City destination = sandbox.cities().require(Inputs.text(inputs, "destination", "to"), "destination");
		String originText = Inputs.text(inputs, "origin", "from");
		if (originText == null) {
			originText = destination.name().equals(Sandbox.HOME_CITY) ? Sandbox.SECOND_CITY : Sandbox.HOME_CITY;
		}
		City origin = sandbox.cities().require(originText, "origin");
		return new Trip(origin, destination, Inputs.date(inputs, "date", sandbox.today()));
	}

}
