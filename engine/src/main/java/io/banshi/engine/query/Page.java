package io.banshi.engine.query;

import java.util.List;

/**
 * One page of a query result.
 *
 * @param <T> the row type
 * @param items the rows of this page
 * @param total how many rows match in all
 * @param page the page number, from 0
 * @param size the page size
 */
public record Page<T>(List<T> items, long total, int page, int size) {
}
