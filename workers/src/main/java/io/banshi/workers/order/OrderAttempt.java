package io.banshi.workers.order;

import java.util.Map;

import io.banshi.workers.plugin.BusinessFailure;

/**
 * A plugin's part of placing one order. Both methods run inside the order store's
 * transaction, so whatever {@link #apply(long)} writes (stock taken, a ledger entry) is
 * committed together with the order row, or not at all.
 */
public interface OrderAttempt {

	/**
	 * Reads the option as it stands now. Must not write.
	 * @return the draft to check and place
	 * @throws BusinessFailure when the option no longer exists or cannot be ordered
	 */
	OrderDraft prepare();

	/**
	 * Carries the order out once its row is written: takes stock, writes the entry.
	 * @param orderId the new order's id
	 * @return the capability's own output to keep with the order (for example
	 * {@code entry_id}); empty when there is none
	 * @throws BusinessFailure with {@code SOLD_OUT} when the stock ran out; the order row
	 * is then rolled back
	 */
	Map<String, Object> apply(long orderId);

}
