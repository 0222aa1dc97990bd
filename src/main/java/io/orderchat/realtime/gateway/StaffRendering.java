package io.orderchat.realtime.gateway;

import io.orderchat.realtime.events.StaffEvent;

/**
 * How one dialect renders {@link StaffEvent}s; a dialect without one hears nothing of the
 * staff workflows.
 */
public interface StaffRendering {

	/** The dialect whose rooms the rendered events go to. */
	Dialect dialect();

	void render(StaffEvent event, Dialect.Emitter emitter);

}
