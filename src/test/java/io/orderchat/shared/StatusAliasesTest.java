package io.orderchat.shared;

import java.util.Map;

import io.orderchat.orders.OrderStatus;
import io.orderchat.shared.StatusAliases.HostStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StatusAliasesTest {

	final StatusAliases<OrderStatus> aliases = new StatusAliases<>("order", OrderStatus.class, OrderStatus::wire,
			Map.of("in_transit", "processing", "intransit2", "PROCESSING"));

	@Test
	void mapsAHostsNameOntoTheLifecycleAndKeepsTheNameAsWritten() {
		assertThat(this.aliases.resolve(" in_transit "))
			.isEqualTo(new HostStatus<>(OrderStatus.PROCESSING, "in_transit"));
		assertThat(this.aliases.resolve("In-Transit"))
			.isEqualTo(new HostStatus<>(OrderStatus.PROCESSING, "In-Transit"));
	}

	@Test
	void ownNamesMapToThemselves() {
		assertThat(this.aliases.resolve("completed").status()).isEqualTo(OrderStatus.COMPLETED);
		assertThat(this.aliases.resolve("pending").name()).isEqualTo("pending");
	}

	@Test
	void refusesAnUnknownNameNamingTheKnownOnes() {
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> this.aliases.resolve("teleported"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
			.withMessageContaining("teleported")
			.withMessageContaining("in_transit")
			.withMessageContaining("cancelled");
		assertThatExceptionOfType(DomainException.class).isThrownBy(() -> this.aliases.resolve(" "));
	}

	@Test
	void refusesAnAliasOfAStatusThatDoesNotExist() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new StatusAliases<>("order", OrderStatus.class, OrderStatus::wire, Map.of("shipped", "sent")))
			.withMessageContaining("shipped");
	}

}
