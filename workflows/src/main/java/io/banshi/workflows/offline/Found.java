package io.banshi.workflows.offline;

/**
 * Something recognised in a sentence, with where it was said, so that later readers can
 * skip the words it used.
 *
 * @param <T> what was recognised
 * @param value what was recognised
 * @param start the index of its first character
 * @param end the index after its last character
 */
record Found<T>(T value, int start, int end) {

	boolean overlaps(int from, int to) {
		return this.start < to && from < this.end;
	}

}
