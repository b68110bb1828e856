package io.banshi.engine.internal.scheduling;

import java.util.List;

import io.banshi.engine.internal.EngineException;
import io.banshi.engine.internal.processing.CommandProcessor;
import io.banshi.engine.internal.state.EventRepository;
import io.banshi.engine.internal.state.EventRepository.DueTimer;
import io.banshi.engine.internal.state.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers and drops messages whose time to live ran out. A timer of a process
 * instance fires as a command of its own that locks the instance and then the timer row
 * (so another node that found the same timer finds it gone); timer start events are
 * claimed with {@code FOR UPDATE SKIP LOCKED}; expired messages are deleted the same way.
 */
public final class EventDueWork implements DueWork {

	private static final Logger logger = LoggerFactory.getLogger(EventDueWork.class);

	private static final int BATCH = 200;

	private static final int MAX_ROUNDS = 10;

	private final Transactions transactions;

	private final CommandProcessor commands;

	private final EventRepository events = new EventRepository();

	public EventDueWork(Transactions transactions, CommandProcessor commands) {
		this.transactions = transactions;
		this.commands = commands;
	}

	@Override
	public void runDue(long now) {
		// A bounded number of rounds per sweep: a cycle that fell behind catches up over
		// several sweeps instead of holding the scheduler.
		List<DueTimer> due;
		int rounds = 0;
		do {
			due = this.transactions
				.inTransaction((connection) -> this.events.dueInstanceTimers(connection, now, BATCH));
			for (DueTimer timer : due) {
				try {
					this.commands.fireTimer(timer);
				}
				catch (EngineException ex) {
					// The instance ended: nothing can fire this timer any more.
					this.commands.dropTimer(timer.timerKey());
				}
				catch (RuntimeException ex) {
					logger.warn("Timer {} could not fire; it is tried again on the next sweep", timer.timerKey(), ex);
				}
			}
		}
		while (due.size() == BATCH && ++rounds < MAX_ROUNDS);
		rounds = 0;
		while (this.commands.fireStartTimers(now) > 0 && ++rounds < MAX_ROUNDS) {
			// Claim the next batch.
		}
		while (this.transactions
			.inTransaction((connection) -> this.events.deleteExpiredMessages(connection, now, BATCH)) == BATCH) {
			// Delete the next batch.
		}
	}

}
