package io.orderchat.shared;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputsTest {

	@Test
	void readsAUuidWithSurroundingSpace() {
		UUID id = UUID.randomUUID();
		assertThat(Inputs.uuid(" " + id + " ", "message")).isEqualTo(id);
	}

	@Test
	void anIdThatIsNoUuidNamesNothing() {
		for (String value : new String[] { "42", "", null }) {
			assertThatThrownBy(() -> Inputs.uuid(value, "dispute")).isInstanceOfSatisfying(DomainException.class,
					(ex) -> {
						assertThat(ex.code()).isEqualTo(ErrorCode.NOT_FOUND);
						assertThat(ex.getMessage()).isEqualTo("No dispute '" + value + "'");
					});
		}
	}

	@Test
	void stripsTextAndTreatsBlankAsAbsent() {
		assertThat(Inputs.optionalText("  late again  ", "notes", 20)).isEqualTo("late again");
		assertThat(Inputs.optionalText("   ", "notes", 20)).isNull();
		assertThat(Inputs.optionalText(null, "notes", 20)).isNull();
	}

	@Test
	void refusesTextOverItsLimitNamingTheField() {
		assertThat(Inputs.optionalText("x".repeat(20), "notes", 20)).hasSize(20);
		assertThatThrownBy(() -> Inputs.optionalText("x".repeat(21), "notes", 20))
			.isInstanceOfSatisfying(DomainException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(ex.getMessage()).contains("'notes'").contains("20");
			});
	}

}
