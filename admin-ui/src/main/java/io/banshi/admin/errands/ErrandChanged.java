package io.banshi.admin.errands;

/**
 * An errand was recorded, changed or deleted; published after the change is committed.
 *
 * @param id the errand
 */
record ErrandChanged(String id) {

}
