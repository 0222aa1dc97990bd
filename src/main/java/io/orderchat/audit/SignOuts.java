package io.orderchat.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import io.orderchat.identity.TokensRevoked;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits every sign-out everywhere ({@code user.signed_out}): who signed whom out, why
 * and from which instant their tokens are refused. In the revoking transaction.
 */
@Component
class SignOuts {

	private final AuditTrail trail;

	SignOuts(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(TokensRevoked event) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("userId", event.userId());
		details.put("notBefore", event.notBefore().toString());
		if (event.reason() != null) {
			details.put("reason", event.reason());
		}
		this.trail.record(event.by(), "user.signed_out", null, event.userId(), details);
	}

}
