package io.orderchat.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerSocketsTest {

	private static final String TABLE = """
			  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
			   0: 0100007F:0C4E 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0000000000000000 100 0 0 10 0
			   1: 0100007F:0C4E 0100007F:9C40 08 00000000:00000000 00:00000000 00000000     0        0 2 1 0000000000000000 20 4 30 10 -1
			   2: 0100007F:0C4E 0100007F:9C41 09 00000000:00000000 00:00000000 00000000     0        0 3 1 0000000000000000 20 4 30 10 -1
			   3: 0100007F:9C42 0100007F:0C4E 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
			   4: 0100007F:0CB2 0100007F:9C43 01 00000000:00000000 00:00000000 00000000     0        0 4 1 0000000000000000 20 4 30 10 -1
			""";

	@Test
	void countsTheServerSideOfConnectionsOnItsPortButNotTheListenerNorTheClientSide() {
		// 0x0C4E = 3150: a CLOSE_WAIT and a LAST_ACK; the client's TIME_WAIT has the port
		// as remote
		assertThat(ServerSockets.count(TABLE, List.of(3150))).isEqualTo(2);
		assertThat(ServerSockets.count(TABLE, List.of(3150, 3250))).isEqualTo(3);
		assertThat(ServerSockets.count(TABLE, List.of(4000))).isZero();
	}

}
