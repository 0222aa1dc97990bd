package io.orderchat.identity;

import java.text.ParseException;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactJwsTest {

	private final CompactJws.Headers headers = new CompactJws.Headers();

	@Test
	void parsesEachDistinctHeaderOnce() throws Exception {
		CompactJws first = CompactJws.parse(TokenVerifierTest.hs256("s3cret-s3cret-s3cret-s3cret-s3cret!",
				new JWTClaimsSet.Builder().subject("alice").build()), this.headers);
		CompactJws second = CompactJws.parse(TokenVerifierTest.hs256("s3cret-s3cret-s3cret-s3cret-s3cret!",
				new JWTClaimsSet.Builder().subject("bob").build()), this.headers);

		assertThat(second.header()).isSameAs(first.header());
		assertThat(JWTClaimsSet.parse(second.payload().decodeToString()).getSubject()).isEqualTo("bob");
	}

	@Test
	void refusesWhatIsNotThreePartsWithAJwsHeader() throws Exception {
		String token = TokenVerifierTest.hs256("s3cret-s3cret-s3cret-s3cret-s3cret!",
				new JWTClaimsSet.Builder().subject("alice").build());
		for (String bad : new String[] { "", "abc", "a.b", token + ".d", "." + token.substring(token.indexOf('.')),
				"eyJhbGciOiJub25lIn0.e30.", "e30.e30.x" }) {
			assertThatThrownBy(() -> CompactJws.parse(bad, this.headers)).as(bad).isInstanceOf(ParseException.class);
		}
	}

}
